using System.Globalization;
using System.Text.Json;
using WorkPolicy.Testing;
using WorkPolicy.Coverage;

namespace WorkPolicy.Output;

/// <summary>What the cases of one run of <c>test</c> reached, per rule set, and which mutants they noticed.</summary>
/// <param name="RuleSet">The rule set's path as shown (relative to the working folder).</param>
/// <param name="Lines">Every item and how far the cases reached it.</param>
/// <param name="Mutants">Each mutant and the case that noticed it (null: none did); empty without <c>--mutations</c>.</param>
internal sealed record RuleSetCoverage(string RuleSet, IReadOnlyList<CoverageLine> Lines, IReadOnlyList<(Mutation.Mutant Mutant, MutantOutcome Outcome)> Mutants)
{
    /// <summary>The share of items reached.</summary>
    public decimal Percent => CoverageMap.Percent([.. Lines]);

    /// <summary>The mutants that change what the rule set derives: those a case could notice.</summary>
    public int Effective => Mutants.Count(m => !m.Outcome.Equivalent);

    /// <summary>The mutants noticed.</summary>
    public int Noticed => Mutants.Count(m => m.Outcome.NoticedBy is not null);

    /// <summary>The share of effective mutants noticed (100 without any).</summary>
    public decimal MutationScore => Effective == 0 ? 100m : Math.Round(100m * Noticed / Effective, 1);
}

/// <summary>Prints coverage and mutation results: lines for the terminal, one JSON document for tools.</summary>
internal static class CoverageReport
{
    private static string Pct(decimal d) => d.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>The terminal report: per rule set, the figures by kind, then every item not reached and every mutant not noticed.</summary>
    public static void Text(TextWriter w, IReadOnlyList<RuleSetCoverage> sets)
    {
        foreach (var set in sets)
        {
            w.WriteLine($"coverage of {set.RuleSet}: {set.Lines.Count(l => l.Covered)} of {set.Lines.Count} items reached ({Pct(set.Percent)} %)");
            foreach (var group in set.Lines.GroupBy(l => l.Target))
                w.WriteLine($"  {Word(group.Key),-11} {group.Count(l => l.Covered),4} of {group.Count(),-4} {string.Join(", ", group.SelectMany(l => l.State.Split(", ")).GroupBy(s => s).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))}");
            foreach (var l in set.Lines.Where(l => !l.Covered))
                w.WriteLine($"  not reached  {Rel(l.Span.Path)}({l.Span.Line},{l.Span.Column}): {l.Circular}: {(l.Target == CoverageTarget.Overrides ? "" : Word(l.Target) + " ")}{l.Name}");
            if (set.Mutants.Count == 0) continue;
            var equivalent = set.Mutants.Count - set.Effective;
            w.WriteLine($"mutation score of {set.RuleSet}: {set.Noticed} of {set.Effective} mutants noticed ({Pct(set.MutationScore)} %){(equivalent > 0 ? $"; {equivalent} equivalent (an overrides edge implied through others or by the order of provisions with the same effect, or a date no calendar works) not counted" : "")}");
            foreach (var (m, _) in set.Mutants.Where(m => m.Outcome is { NoticedBy: null, Equivalent: false }))
                w.WriteLine($"  unnoticed    {Rel(m.Span.Path)}({m.Span.Line},{m.Span.Column}): {m.Circular}: {m.Description}");
        }
    }

    /// <summary>The JSON report: every item with its state, every mutant with the case that noticed it.</summary>
    public static string Json(IReadOnlyList<RuleSetCoverage> sets) => JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("ruleSets");
        foreach (var set in sets)
        {
            w.WriteStartObject();
            w.WriteString("ruleSet", set.RuleSet);
            w.WriteNumber("items", set.Lines.Count);
            w.WriteNumber("reached", set.Lines.Count(l => l.Covered));
            w.WriteNumber("percent", set.Percent);
            w.WriteStartArray("coverage");
            foreach (var l in set.Lines)
            {
                w.WriteStartObject();
                w.WriteString("kind", Word(l.Target));
                w.WriteString("circular", l.Circular);
                w.WriteString("name", l.Name);
                w.WriteString("state", l.State);
                Place(w, l.Span);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (set.Mutants.Count > 0)
            {
                w.WriteNumber("mutationScore", set.MutationScore);
                w.WriteStartArray("mutants");
                foreach (var (m, outcome) in set.Mutants)
                {
                    w.WriteStartObject();
                    w.WriteString("kind", m.Kind switch { Mutation.MutationKind.DropOverrides => "drop-overrides", Mutation.MutationKind.FlipComparison => "flip-comparison", _ => "shift-period" });
                    w.WriteString("circular", m.Circular);
                    w.WriteString("mutation", m.Description);
                    Place(w, m.Span);
                    w.WriteString("outcome", outcome.Equivalent ? "equivalent" : outcome.NoticedBy is null ? "unnoticed" : "noticed");
                    if (outcome.NoticedBy is { } by) w.WriteString("noticedBy", by);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void Place(Utf8JsonWriter w, SourceSpan span)
    {
        w.WriteString("file", Rel(span.Path));
        w.WriteNumber("line", span.Line);
        w.WriteNumber("column", span.Column);
    }

    /// <summary>A path as the user would type it: relative to the working folder when within it.</summary>
    public static string Rel(string path) => Testing.RuleSetPaths.Join(Testing.RuleSetPaths.Split(path).Select(RelOne));

    private static string RelOne(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    private static string Word(CoverageTarget t) => t switch
    {
        CoverageTarget.Provision => "provision",
        CoverageTarget.Overrides => "overrides",
        CoverageTarget.Windows => "windows",
        _ => "until",
    };
}
