using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using WorkPolicy.Output;
using WorkPolicy.Output.Json;

namespace WorkPolicy;

/// <summary>
/// Decisions, explanations and reports as JSON in the shape of docs/decisions.md — the shape the <c>workpolicy</c>
/// command writes — by one serializer generated at build time (no reflection: trimming and Native AOT keep it).
/// Everything written reads back equal: <see cref="Deserialize(string)"/> for a decision,
/// <see cref="Deserialize{T}(string)"/> for an explanation or a report.
/// </summary>
/// <example>
/// <code>
/// // ASP.NET Core: app.MapGet("/check", () => Results.Json(engine.Check(), PolicyJson.Contract&lt;CheckReport&gt;()));
/// string json = PolicyJson.Serialize(decision);                    // {"employee":"e-001","date":"2021-07-30","mode":"rotation",…}
/// var report = PolicyJson.Deserialize&lt;CheckReport&gt;(File.ReadAllText("check.json"));
/// </code>
/// </example>
public static class PolicyJson
{
    /// <summary>
    /// Options that write decisions, explanations and reports as docs/decisions.md shows them (indented, readable
    /// non-ASCII), resolving only the engine's result types; read-only.
    /// </summary>
    public static JsonSerializerOptions Options => PolicyJsonContext.Indented;

    /// <summary>The serializer's contract for a result type — <see cref="Decision"/>, <see cref="Explanation"/> or a report — indented or on one line.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not one of the engine's results.</exception>
    public static JsonTypeInfo<T> Contract<T>(bool indented = true) => (JsonTypeInfo<T>)PolicyJsonContext.Contract(typeof(T), indented);

    /// <summary>
    /// Writes <c>{ "decisions": [ ... ] }</c> to <paramref name="stream"/> as the decisions come, so a stream of
    /// millions never piles up. Decisions that share their details (the memo layer's) are written from templates:
    /// the same bytes as one by one, faster.
    /// </summary>
    public static void WriteDecisions(Stream stream, IEnumerable<Decision> decisions)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(decisions);
        DecisionJson.Write(stream, decisions);
    }

    /// <summary>The JSON object of one decision (indented, as the command line writes it).</summary>
    public static string Serialize(Decision decision) => Serialize(decision, indented: true);

    /// <summary>The JSON object of one decision; <paramref name="indented"/> false writes it on one line (a service's answers and records).</summary>
    /// <example><c>PolicyJson.Serialize(decision, indented: false)</c> → <c>{"employee":"e-001","date":"2021-07-30","mode":"rotation",…}</c></example>
    public static string Serialize(Decision decision, bool indented)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return JsonSerializer.Serialize(decision, Contract<Decision>(indented));
    }

    /// <summary>Reads the JSON of one decision, as <see cref="Serialize(Decision, bool)"/> writes it.</summary>
    /// <exception cref="JsonException">The text is not a decision in the documented shape.</exception>
    public static Decision Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, Contract<Decision>()) ?? throw new JsonException("null is not a decision");
    }

    /// <summary>Reads an explanation or a report back from the JSON it wrote (<see cref="Report.ToJson"/>, <see cref="Explanation.WriteJson"/>).</summary>
    /// <example><c>var again = PolicyJson.Deserialize&lt;ComparisonReport&gt;(report.ToJson());   // again == report</c></example>
    /// <exception cref="JsonException">The text is not a <typeparamref name="T"/> in the documented shape.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not read back (<see cref="ReplayReport"/>, <see cref="RosterPlan"/>: run them again).</exception>
    public static T Deserialize<T>(string json) where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, Contract<T>()) ?? throw new JsonException($"null is not a {typeof(T).Name}");
    }

    /// <summary>Writes decisions as the table of <c>workpolicy eval</c> (the default format).</summary>
    public static void WriteTable(TextWriter writer, IReadOnlyList<Decision> decisions)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(decisions);
        DecisionTable.Write(writer, decisions);
    }
}
