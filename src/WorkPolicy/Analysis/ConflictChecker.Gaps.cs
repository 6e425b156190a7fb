using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Ast;
using WorkPolicy.Diagnostics;
using WorkPolicy.Evaluation;
using WorkPolicy.Facts;
using WorkPolicy.Model;

namespace WorkPolicy.Analysis;

internal static partial class ConflictChecker
{
    /// <summary>The gaps of every circular of <paramref name="rules"/>: one warning per circular at most (see <see cref="CheckGaps"/>); <paramref name="cancel"/> stops between circulars.</summary>
    public static ImmutableArray<Diagnostic> Gaps(CompiledRules rules, CancellationToken cancel = default)
    {
        // Each circular is searched on its own, on all cores; the first gap of each circular (its versions in order) is kept.
        var circulars = rules.Circulars;
        var found = new Diagnostic?[circulars.Length];
        Parallel.For(0, circulars.Length, new ParallelOptions { CancellationToken = cancel }, i => found[i] = CheckGaps(rules, circulars[i]));
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < circulars.Length; i++)
        {
            if (found[i] is not { } gap || !reported.Add(circulars[i].Model.Id)) continue;
            diagnostics.Add(gap);
        }
        return diagnostics.ToImmutable();
    }

    /// <summary>
    /// Someone in the circular's regions whom no deciding provision decides (with every fact the scopes read
    /// known): they would be not covered, reason no-provision-fits. Searched like conflicts; a circular whose
    /// scopes mention too many values is not searched, and says so (WP0320): silence would read as "no gap".
    /// </summary>
    private static Diagnostic? CheckGaps(CompiledRules rules, CompiledCircular c)
    {
        var scopes = c.Model.Deciding.Select(p => p.Scope).ToList();
        if (scopes.Count == 0 || scopes.Any(s => s is null)) return null;
        var dims = Dimensions(rules.Model, scopes);
        if (Combinations(dims) is not { } combinations)
            return Diagnostic.Create(DiagnosticMessages.GapSearchGaveUp, c.Model.Decl.Span, c.Model.Id);
        foreach (var region in Regions(c, scopes))
        foreach (var choice in combinations)
        {
            if (!Gap(rules, c, region, dims, choice)) continue;
            // Name only the values that make the gap: a value that can change without closing it is left out.
            var relevant = Enumerable.Range(0, dims.Count).Where(k => Enumerable.Range(0, dims[k].Candidates.Length).Any(v =>
            {
                var other = (int[])choice.Clone();
                other[k] = v;
                return !Gap(rules, c, region, dims, other);
            })).ToList();
            var witness = Witness([.. relevant.Select(k => dims[k])], [.. relevant.Select(k => choice[k])]);
            return Diagnostic.Create(DiagnosticMessages.NoProvisionDecides, c.Model.Decl.Span, c.Model.Id, witness);
        }
        return null;
    }

    private static bool Gap(CompiledRules rules, CompiledCircular c, string region, List<Dimension> dims, int[] choice)
    {
        var scope = Synthetic(rules.Model, region, dims, choice);
        return c.Deciding.All(p => ConditionInterpreter.Evaluate(p.Model.Scope, scope) == Tri.False);
    }
}
