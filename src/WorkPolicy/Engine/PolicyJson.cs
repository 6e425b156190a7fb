using System.Text.Json;
using System.Text.Json.Serialization;
using WorkPolicy.Output;

namespace WorkPolicy;

/// <summary>
/// Decisions, explanations and reports as JSON in the shape of docs/decisions.md — the shape the
/// <c>workpolicy</c> command writes. <see cref="Options"/> serializes <see cref="Decision"/> and every
/// <see cref="Report"/> with System.Text.Json in that shape, and reads decisions back (an obligation's percentage
/// comes back as its number: JSON does not keep the sign).
/// </summary>
/// <example>
/// <code>
/// // ASP.NET Core: app.MapGet("/decisions/{id}", ...) => Results.Json(decision, PolicyJson.Options);
/// string json = JsonSerializer.Serialize(decision, PolicyJson.Options);   // {"employee":"e-001","date":"2021-07-30","mode":"rotation",…}
/// </code>
/// </example>
public static class PolicyJson
{
    /// <summary>Options whose converters write decisions and reports as docs/decisions.md shows them (indented, readable non-ASCII).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JsonText.Options.Encoder };
        options.Converters.Add(new DecisionConverter());
        options.Converters.Add(new ReportConverter());
        options.TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver();
        options.MakeReadOnly();
        return options;
    }

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
        return JsonText.Write(w => DecisionJson.WriteDecision(w, decision), indented);
    }

    /// <summary>Reads the JSON of one decision, as <see cref="Serialize(Decision, bool)"/> writes it.</summary>
    /// <exception cref="JsonException">The text is not a decision in the documented shape.</exception>
    public static Decision Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize<Decision>(json, Options) ?? throw new JsonException("null is not a decision");
    }

    /// <summary>Writes decisions as the table of <c>workpolicy eval</c> (the default format).</summary>
    public static void WriteTable(TextWriter writer, IReadOnlyList<Decision> decisions)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(decisions);
        DecisionTable.Write(writer, decisions);
    }

    private sealed class DecisionConverter : JsonConverter<Decision>
    {
        public override Decision Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return DecisionJsonReader.Read(document.RootElement);
        }

        public override void Write(Utf8JsonWriter writer, Decision value, JsonSerializerOptions options) => DecisionJson.WriteDecision(writer, value);
    }

    private sealed class ReportConverter : JsonConverter<Report>
    {
        public override bool CanConvert(Type typeToConvert) => typeof(Report).IsAssignableFrom(typeToConvert);

        public override Report Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("reports are written, not read");

        public override void Write(Utf8JsonWriter writer, Report value, JsonSerializerOptions options)
        {
            using var document = JsonDocument.Parse(value.ToJson());
            document.RootElement.WriteTo(writer);
        }
    }
}
