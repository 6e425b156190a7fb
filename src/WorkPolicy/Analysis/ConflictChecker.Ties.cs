using System.Collections.Immutable;
using WorkPolicy.Ast;
using WorkPolicy.Diagnostics;
using WorkPolicy.Evaluation;

namespace WorkPolicy.Analysis;

internal static partial class ConflictChecker
{
    /// <summary>
    /// Ties between circulars: precedence is by first day and then by id, so two circulars for one region in force from
    /// the same day, with no 'follows', 'supersedes' or 'amends' between them, would be ordered by their names alone.
    /// Where their deciding provisions can both apply to one employee with different modes, that is an error naming the
    /// region, the day and such an employee — as WP0305 does for two provisions of one circular.
    /// </summary>
    public static void CheckTies(CompiledRules rules, ImmutableArray<Diagnostic>.Builder into, CancellationToken cancel = default)
    {
        // Each circular as issued (the first version of an id): a version's amendments relate it to its circular already.
        var issued = rules.Circulars.GroupBy(c => c.Model.Id, StringComparer.Ordinal).Select(g => g.First()).ToList();
        for (var i = 0; i < issued.Count; i++)
        for (var j = i + 1; j < issued.Count; j++)
        {
            cancel.ThrowIfCancellationRequested();
            var (a, b) = (issued[i], issued[j]);
            if (a.Model.From != b.Model.From || Related(a.Model.Decl, b.Model.Decl)) continue;
            var regions = a.Model.Regions.Intersect(b.Model.Regions).Order(StringComparer.Ordinal).ToList();
            if (regions.Count == 0) continue;
            if (Tie(rules, a, b, regions) is not { } tie) continue;
            var (region, pa, pb, witness) = tie;
            into.Add(Diagnostic.Create(DiagnosticMessages.CircularsCanDecideDifferently, b.Model.Decl.Span,
                a.Model.Id, b.Model.Id, region, a.Model.From.ToString("uuuu-MM-dd", null), witness,
                pa.Model.Id, pa.Model.Mode!.Value.Word(), pb.Model.Id, pb.Model.Mode!.Value.Word()));
        }
    }

    /// <summary>
    /// Whether either circular orders itself against the other: follows, supersedes, revokes or amends it. The citations
    /// without effect (extends, keeps-in-force, implements) order nothing, so they settle no tie.
    /// </summary>
    private static bool Related(CircularDecl a, CircularDecl b) => Orders(a, b.Id) || Orders(b, a.Id);

    private static bool Orders(CircularDecl c, string other) => c.Relations.Any(r =>
        r.Kind is RelationKind.Follows or RelationKind.Supersedes or RelationKind.Revokes or RelationKind.Amends && string.Equals(r.Target, other, StringComparison.Ordinal));

    /// <summary>The first region and pair of deciding provisions, one of each circular, with different modes that can both apply, and who.</summary>
    private static (string Region, CompiledProvision A, CompiledProvision B, string Witness)? Tie(CompiledRules rules, CompiledCircular a, CompiledCircular b, List<string> regions)
    {
        foreach (var pa in a.Deciding)
        foreach (var pb in b.Deciding)
        {
            if (pa.Model.SameEffect(pb.Model)) continue;
            foreach (var region in regions)
                if (Together(rules.Model, [region], [pa, pb], out _) is { } witness) return (region, pa, pb, witness);
        }
        return null;
    }
}
