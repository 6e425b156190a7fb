using System.Text.Json;

namespace WorkPolicy.Output;

/// <summary>Diagnostics as JSON: <c>{ "code", "severity", "message", "path", "line", "column", "endLine", "endColumn" }</c>.</summary>
internal static class DiagnosticJson
{
    public static void WriteAll(Utf8JsonWriter w, IEnumerable<Diagnostic> diagnostics)
    {
        w.WriteStartArray();
        foreach (var d in diagnostics) Write(w, d);
        w.WriteEndArray();
    }

    public static void Write(Utf8JsonWriter w, Diagnostic d)
    {
        w.WriteStartObject();
        w.WriteString("code", d.Code);
        w.WriteString("severity", d.Severity == Severity.Error ? "error" : "warning");
        w.WriteString("message", d.Message);
        w.WriteString("path", d.Span.Path);
        w.WriteNumber("line", d.Span.Line);
        w.WriteNumber("column", d.Span.Column);
        w.WriteNumber("endLine", d.Span.EndLine);
        w.WriteNumber("endColumn", d.Span.EndColumn);
        if (d.Accepted is { } reason) w.WriteString("accepted", reason);
        if (d.Fix is { } fix)
        {
            w.WriteStartObject("fix");
            w.WriteString("text", fix.Text);
            w.WriteString("replacement", fix.Replacement);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
