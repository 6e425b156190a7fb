using System.Globalization;
using NodaTime;
using WorkPolicy.Parsing;
using WorkPolicy.Diagnostics;

namespace WorkPolicy.Yaml;

/// <summary>Typed reads from YAML nodes that report wrong shapes, unknown and missing keys as diagnostics.</summary>
internal sealed class NodeReader(List<Diagnostic> diagnostics)
{
    /// <summary>The most diagnostics one file reports; past it they are counted (<see cref="Unreported"/>), not kept.</summary>
    public const int MostReported = 1000;

    /// <summary>Where diagnostics go.</summary>
    public List<Diagnostic> Diagnostics { get; } = diagnostics;

    /// <summary>Errors found so far, reported or not: what tells whether a record had one.</summary>
    public int Errors { get; private set; }

    /// <summary>Errors past <see cref="MostReported"/>, counted but not kept (2,000,000 unknown keys are not 2,000,000 lines).</summary>
    public int Unreported { get; private set; }

    /// <summary>
    /// When set, the records that had an error, reported or not: each error's path up to its record
    /// (<c>hr/employees[e-7]</c> of <c>hr/employees[e-7].position</c>) — what skipping bad records needs past
    /// <see cref="MostReported"/>, one entry a record however many errors it has.
    /// </summary>
    public HashSet<string>? ErrorRecords { get; init; }

    /// <summary>Adds an error.</summary>
    public void Error(DiagnosticMessage message, SourceSpan span, params ReadOnlySpan<object?> args)
    {
        if (Counted(span)) Diagnostics.Add(Diagnostic.Create(message, span, args));
    }

    public void Error(DiagnosticFix? fix, DiagnosticMessage message, SourceSpan span, params ReadOnlySpan<object?> args)
    {
        if (Counted(span)) Diagnostics.Add(Diagnostic.Create(fix, message, span, args));
    }

    /// <summary>Counts an error; whether it is still to be kept.</summary>
    private bool Counted(SourceSpan span)
    {
        if (ErrorRecords is { } records)
        {
            // Looked up by the span of the path, a string made only for a record not met before: one record's
            // 2,000,000 unknown keys are one string, not 2,000,000.
            var end = span.Path.IndexOf(']');
            var record = end < 0 ? span.Path.AsSpan() : span.Path.AsSpan(0, end + 1);
            var byText = records.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!byText.Contains(record)) byText.Add(record);
        }
        Errors++;
        if (Diagnostics.Count < MostReported) return true;
        Unreported++;
        return false;
    }

    /// <summary>The line that says how many errors were not listed, or null when all were.</summary>
    public Diagnostic? UnreportedSummary(string path) =>
        Unreported == 0 ? null : Diagnostic.Create(DiagnosticMessages.MoreNotReported, SourceSpan.At(path, 1, 1), Unreported, MostReported);

    /// <summary>The node as a mapping whose keys are all in <paramref name="allowed"/>; reports others.</summary>
    public YamlMapping? Map(YamlNode? node, string what, IReadOnlyCollection<string> allowed, params string[] required)
    {
        if (node is not YamlMapping m)
        {
            if (node is not null) Error(DiagnosticMessages.MustBeKeyValueMapping, node.Span, what);
            return null;
        }
        foreach (var (key, _) in m.Entries)
        {
            if (!allowed.Contains(key.Value))
                Error(Suggest.Fix(key.Value, allowed), DiagnosticMessages.UnknownKey, key.Span, key.Value, what);
        }
        foreach (var r in required)
        {
            if (m.Get(r) is null or YamlScalar { IsNull: true }) Error(DiagnosticMessages.HasNoProperty, m.Span, what, r);
        }
        return m;
    }

    /// <summary>The items of a sequence (empty and reported when the node is something else).</summary>
    public IReadOnlyList<YamlNode> Seq(YamlNode? node, string what)
    {
        switch (node)
        {
            case null: return [];
            case YamlSequence s: return s.Items;
            case YamlScalar { IsNull: true }: return [];
            default:
                Error(DiagnosticMessages.MustBeList, node.Span, what);
                return [];
        }
    }

    /// <summary>A scalar's text.</summary>
    public string? Str(YamlNode? node, string what)
    {
        if (node is YamlScalar s) return s.IsNull ? null : s.Value;
        if (node is not null) Error(DiagnosticMessages.MustBeSingleValue, node.Span, what);
        return null;
    }

    /// <summary>A list of codes given as a list or a single value.</summary>
    public List<string> Codes(YamlNode? node, string what)
    {
        if (node is YamlScalar { IsNull: false } one) return [one.Value];
        return Seq(node, what).Select(i => Str(i, what)).OfType<string>().ToList();
    }

    /// <summary>A date <c>yyyy-mm-dd</c>.</summary>
    public LocalDate? Date(YamlNode? node, string what)
    {
        if (Str(node, what) is not { } text) return null;
        if (Values.TryDate(text, out var d)) return d;
        Error(DiagnosticMessages.NotCalendarDateWithPattern, node!.Span, text);
        return null;
    }

    /// <summary>A decimal number.</summary>
    public decimal? Number(YamlNode? node, string what)
    {
        if (Str(node, what) is not { } text) return null;
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)) return n;
        Error(DiagnosticMessages.MustBeNumber, node!.Span, what, text);
        return null;
    }

    /// <summary>true or false.</summary>
    public bool? Bool(YamlNode? node, string what)
    {
        if (Str(node, what) is not { } text) return null;
        if (text is "true" or "false") return text == "true";
        Error(DiagnosticMessages.MustBeTrueOrFalse, node!.Span, what, text);
        return null;
    }

    /// <summary>A condition written in DSL syntax inside a string.</summary>
    public Ast.Expr? Condition(YamlNode? node, string what)
    {
        if (Str(node, what) is not { } text) return null;
        var s = (YamlScalar)node!;
        return ExpressionText.Parse(s.Span.Path, text, s.Span.Line, s.Span.Column + (s.Quoted ? 1 : 0), Diagnostics);
    }
}
