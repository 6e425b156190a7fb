using System.Text.Json;
using System.Text.Json.Serialization;

namespace WorkPolicy.Output.Json;

/// <summary>
/// A diagnostic as one flat object — <c>{ code, severity, message, path, line, column, endLine, endColumn, accepted?, fix? }</c> —
/// the shape editors and CI read; its span's parts are members of the object, not an object of their own.
/// </summary>
internal sealed class DiagnosticJsonConverter : JsonConverter<Diagnostic>
{
    public override Diagnostic Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var e = document.RootElement;
        string Text(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new JsonException($"a diagnostic needs '{name}' as a string");
        int Number(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : throw new JsonException($"a diagnostic needs '{name}' as a number");
        var severity = SeverityJson.Parse(Text("severity"));
        DiagnosticFix? fix = e.TryGetProperty("fix", out var f) && f.ValueKind == JsonValueKind.Object
            ? new DiagnosticFix(f.GetProperty("text").GetString() ?? "", f.GetProperty("replacement").GetString() ?? "")
            : null;
        return new Diagnostic(Text("code"), severity, new SourceSpan(Text("path"), Number("line"), Number("column"), Number("endLine"), Number("endColumn")), Text("message"))
        {
            Fix = fix,
            Accepted = e.TryGetProperty("accepted", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null,
        };
    }

    public override void Write(Utf8JsonWriter writer, Diagnostic value, JsonSerializerOptions options) => DiagnosticJson.Write(writer, value);
}

/// <summary>
/// A decision in the shape of docs/decisions.md: its obligations' details are members of the obligation, each keeping
/// its kind of value (a share <c>"25%"</c>, a count a number), and the pool's quota is one object. The shape is the
/// contract's, not the record's, so it has a converter of its own; <see cref="DecisionJson"/> writes it and
/// <see cref="DecisionJsonReader"/> reads it.
/// </summary>
internal sealed class DecisionJsonConverter : JsonConverter<Decision>
{
    public override Decision Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        try
        {
            return DecisionJsonReader.Read(document.RootElement);
        }
        // The reader's own lookups say what is wrong in words of their own (a pool without its keys, a date that does
        // not exist); to the caller it is JSON not in a decision's shape, which is what Deserialize promises to throw.
        catch (Exception ex) when (ex is KeyNotFoundException or FormatException or InvalidOperationException or ArgumentException or ArithmeticException)
        {
            throw new JsonException($"not a decision in the documented shape: {ex.Message}", ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, Decision value, JsonSerializerOptions options) => DecisionJson.WriteDecision(writer, value);
}

/// <summary>
/// A replay's report by its own writer: a streamed replay writes its changes as they come and its summary after them,
/// so this shape is written in two parts elsewhere and is not read back (a replay is run again, not reloaded).
/// </summary>
internal sealed class ReplayReportJson : JsonConverter<ReplayReport>
{
    public override ReplayReport Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("a replay report is written, not read: replay the records again");

    public override void Write(Utf8JsonWriter writer, ReplayReport value, JsonSerializerOptions options) => value.WriteJsonObject(writer);
}

/// <summary>
/// A report given as <see cref="Report"/> (an app's <c>Serialize&lt;Report&gt;</c>): written by its own type's contract,
/// with no type tag — a report's JSON names no type, the caller knows which report it asked for and reads it as that.
/// </summary>
internal sealed class AnyReportJson : JsonConverter<Report>
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert == typeof(Report);

    public override Report Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("read a report as its own type, e.g. PolicyJson.Deserialize<CheckReport>(json)");

    public override void Write(Utf8JsonWriter writer, Report value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, options.GetTypeInfo(value.GetType()));
}
