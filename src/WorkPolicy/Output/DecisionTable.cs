using WorkPolicy.Parsing;
using WorkPolicy.Printing;
using WorkPolicy.Ast;
using WorkPolicy.Evaluation;

namespace WorkPolicy.Output;

/// <summary>Decisions as a plain-text table for people; columns sized to their content.</summary>
internal static class DecisionTable
{
    /// <summary>Writes the table.</summary>
    public static void Write(TextWriter w, IReadOnlyList<Decision> decisions)
    {
        var rows = new List<string[]> { new[] { "EMPLOYEE", "DATE", "MODE", "POOL", "DECIDED BY / NEEDS", "OBLIGATIONS" } };
        foreach (var d in decisions)
        {
            var pool = d.Pool is { } p ? $"{p.Group}@{p.Unit} {(p.Place == QuotaPlace.Office ? "office" : "home")} {p.Words()}" : "";
            var why = d.Mode == WorkMode.Indeterminate ? "needs " + string.Join(", ", d.Unknown)
                : d.Reason is { } reason ? reason.Word()
                : string.Join(", ", d.Provisions.Select(x => $"{x.Circular}/{x.Id}"));
            var obligations = string.Join("; ", d.Obligations.Select(o => (o.Pending ? "pending " : "") + (o.Windows is { Count: > 0 } ws ? $"{o.Kind} {string.Join(" ", ws.Select(DslPrinter.WindowText))}" : o.Kind)));
            rows.Add([d.Employee, Values.Text(d.Date), d.Mode.Word(), pool, why, obligations]);
        }
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var r in rows)
        {
            w.WriteLine(string.Join("  ", r.Select((cell, i) => i == r.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        }
    }
}
