using NodaTime;
using WorkPolicy.Cli.Output;
using WorkPolicy.Rules.Analysis;
using WorkPolicy.Rules.Evaluation;
using WorkPolicy.Rules.Facts;

namespace WorkPolicy.Cli.Commands;

/// <summary>
/// <c>eval --missing</c>: a data-collection list for the agencies — every fact missing from an
/// indeterminate decision, with how many such decisions knowing it alone would settle and how many need it.
/// </summary>
internal static class MissingFacts
{
    public static void Write(CliIO io, string? format, CompiledRules rules, FactIndex index, IReadOnlyList<LocalDate> dates, string? only)
    {
        var evaluator = new Evaluator(rules, index);
        var spaces = new Dictionary<string, FactSpace>(StringComparer.Ordinal);
        var counts = new Dictionary<string, (int Settles, int Needed)>(StringComparer.Ordinal);
        var employees = index.Facts.Employees.Where(e => only is null || e.Id == only).ToList();
        var indeterminate = 0;
        ProgressDisplay.Run(io, "missing facts", employees.Count, (long)employees.Count * dates.Count, progress =>
        {
            var done = 0;
            foreach (var e in employees)
            {
                var row = index.Row(e);
                foreach (var date in dates)
                {
                    // The batch path first: only an indeterminate decision is built whole and probed.
                    if (evaluator.Classify(row, date).Mode != WorkMode.Indeterminate) continue;
                    indeterminate++;
                    var d = evaluator.Decide(row, date);
                    var settling = Counterfactuals.Settling(rules, index.Facts, e, date, d, spaces);
                    foreach (var fact in d.Unknown)
                    {
                        var (s, n) = counts.GetValueOrDefault(fact);
                        counts[fact] = (s + (settling.Contains(fact) ? 1 : 0), n + 1);
                    }
                }
                progress?.Report(++done);
            }
            return 0;
        });
        var ranked = counts.OrderByDescending(c => c.Value.Settles).ThenByDescending(c => c.Value.Needed).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        var total = employees.Count * dates.Count;
        if (format == "json")
        {
            io.Out.WriteLine(JsonText.Write(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("decisions", total);
                w.WriteNumber("indeterminate", indeterminate);
                w.WriteStartArray("missing");
                foreach (var (fact, (settles, needed)) in ranked)
                {
                    w.WriteStartObject();
                    w.WriteString("fact", fact);
                    w.WriteNumber("settles", settles);
                    w.WriteNumber("neededBy", needed);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }));
            return;
        }
        io.Out.WriteLine($"{indeterminate} of {total} decisions are indeterminate; {ranked.Count} fact(s) missing, those that settle most first");
        if (ranked.Count == 0) return;
        var width = Math.Max("FACT".Length, ranked.Max(r => r.Key.Length));
        io.Out.WriteLine($"{"FACT".PadRight(width)}  SETTLES  NEEDED BY");
        foreach (var (fact, (settles, needed)) in ranked) io.Out.WriteLine($"{fact.PadRight(width)}  {settles,7}  {needed,9}");
    }
}
