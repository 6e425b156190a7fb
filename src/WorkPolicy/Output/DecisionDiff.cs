using System.Text;
using WorkPolicy.Parsing;
using WorkPolicy.Printing;
using WorkPolicy.Ast;
using WorkPolicy.Evaluation;

namespace WorkPolicy.Output;

/// <summary>What two decisions for the same employee and date disagree on.</summary>
internal static class DecisionDiff
{
    /// <summary>The aspects that differ (mode, pool, obligations, unknown); empty when the decisions agree.</summary>
    public static IReadOnlyList<string> Aspects(Decision a, Decision b)
    {
        var aspects = new List<string>();
        if (a.Mode != b.Mode) aspects.Add("mode");
        if (a.Pool != b.Pool) aspects.Add("pool");
        if (!Obligations(a).SequenceEqual(Obligations(b))) aspects.Add("obligations");
        if (!a.Unknown.SequenceEqual(b.Unknown)) aspects.Add("unknown");
        return aspects;
    }

    /// <summary>Each obligation as canonical text, so equal duties compare equal whichever file they came from.</summary>
    public static IEnumerable<string> Obligations(Decision d) => d.Obligations.Select(o =>
    {
        var sb = new StringBuilder(o.Kind);
        if (o.Pending) sb.Append(" pending");
        foreach (var p in o.Properties) sb.Append(' ').Append(p.Key).Append('=').Append(DslPrinter.ValueText(p.Value));
        if (o.Windows is { } ws) sb.Append(" windows=").AppendJoin(",", ws.Select(DslPrinter.WindowText));
        return sb.ToString();
    });

    /// <summary>A one-line summary of a decision for tables.</summary>
    public static string Summary(Decision d)
    {
        // A provision id two circulars share (an extension restating the original) is named with its circular.
        var repeated = d.Provisions.GroupBy(p => p.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var by = d.Mode == WorkMode.Indeterminate ? "needs " + string.Join(", ", d.Unknown) : string.Join(", ", d.Provisions.Select(p => repeated.Contains(p.Id) ? $"{p.Circular}/{p.Id}" : p.Id));
        var pool = d.Pool is { } p ? $" {p.Group}@{p.Unit} {(p.Place == QuotaPlace.Office ? "office" : "home")} {p.Words()}" : "";
        return $"{d.Mode.Word()}{pool}{(by.Length > 0 ? " (" + by + ")" : "")}";
    }
}
