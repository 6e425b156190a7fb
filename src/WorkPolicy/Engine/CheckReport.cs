using System.Text.Json.Serialization;

namespace WorkPolicy;

/// <summary>What <see cref="PolicyAnalysis.Check"/> found: every diagnostic, sorted by place, and the counts <c>workpolicy check</c> prints.</summary>
public sealed record CheckReport : Report
{
    [JsonConstructor]
    internal CheckReport(ValueList<Diagnostic> diagnostics, int files, int circulars)
    {
        Diagnostics = [.. diagnostics.OrderBy(d => d.Span.Path, StringComparer.Ordinal).ThenBy(d => d.Span.Line).ThenBy(d => d.Span.Column).ThenBy(d => d.Code, StringComparer.Ordinal)];
        Files = files;
        Circulars = circulars;
    }

    /// <summary>The diagnostics, sorted by file, line, column and code.</summary>
    [JsonPropertyOrder(1)]
    public ValueList<Diagnostic> Diagnostics { get; }

    /// <summary>How many files were checked.</summary>
    public int Files { get; }

    /// <summary>How many circulars the rule files declare.</summary>
    public int Circulars { get; }

    /// <summary>How many diagnostics are errors.</summary>
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    /// <summary>How many are warnings the rule files do not accept.</summary>
    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning && d.Accepted is null);

    /// <summary>How many warnings the rule files accept (<c>accept WP0316 "…"</c>), each shown with its reason.</summary>
    public int Accepted => Diagnostics.Count(d => d.Accepted is not null);

    /// <summary>Whether there is an error (warnings alone do not fail a check).</summary>
    [JsonIgnore]
    public bool HasErrors => Errors > 0;

    /// <summary>The closing line: <c>checked 9 file(s), 7 circular(s): 0 error(s), 2 warning(s)</c>.</summary>
    [JsonIgnore]
    public string Summary => $"checked {Files} file(s), {Circulars} circular(s): {Errors} error(s), {Warnings} warning(s){(Accepted > 0 ? $", {Accepted} accepted" : "")}";

    /// <summary>Writes the diagnostics, one a line, then <see cref="Summary"/>.</summary>
    public override void WriteText(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var d in Diagnostics) writer.WriteLine(d.ToString());
        writer.WriteLine(Summary);
    }
}
