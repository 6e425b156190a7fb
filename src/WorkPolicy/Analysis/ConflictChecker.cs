using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Ast;
using WorkPolicy.Diagnostics;
using WorkPolicy.Evaluation;
using WorkPolicy.Facts;
using WorkPolicy.Model;

namespace WorkPolicy.Analysis;

/// <summary>
/// Finds pairs of provisions that can both apply to one employee with different outcomes and no
/// stated priority. It searches the values the two scopes mention (plus one value they do not)
/// exhaustively and names a witness, so the analyst sees who would be caught in the conflict. The
/// same search holds quota tables' rows against each other (ConflictChecker.Tables.cs) and finds staff
/// a circular decides nothing for (ConflictChecker.Gaps.cs); the search itself is ConflictChecker.Search.cs.
/// </summary>
internal static partial class ConflictChecker
{
    /// <summary>Most value combinations tried for one search before giving up.</summary>
    public const int MaxCombinations = 1 << 16;

    /// <summary>Conflicts in every circular of <paramref name="rules"/>; <paramref name="cancel"/> stops the search between pairs.</summary>
    public static ImmutableArray<Diagnostic> Check(CompiledRules rules, CancellationToken cancel = default)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        // The versions of an amended circular share provisions (checked once, with the same scopes): a table, or a
        // pair, is searched once, in the first version that has it.
        var tables = new HashSet<Ast.ProvisionDecl>(ReferenceEqualityComparer.Instance);
        // By reference: a declaration is one object however many versions hold it (records would compare whole trees).
        var pairs = new Dictionary<Ast.ProvisionDecl, HashSet<Ast.ProvisionDecl>>(ReferenceEqualityComparer.Instance);
        bool FirstTime(Ast.ProvisionDecl a, Ast.ProvisionDecl b) =>
            (pairs.TryGetValue(a, out var seen) ? seen : pairs[a] = new HashSet<Ast.ProvisionDecl>(ReferenceEqualityComparer.Instance)).Add(b);
        foreach (var c in rules.Circulars)
        {
            var ps = c.Deciding;
            foreach (var p in ps.Where(p => !p.Model.QuotaRows.IsEmpty || p.Model.QuotaBase is not null))
            {
                if (!tables.Add(p.Model.Decl)) continue;
                if (!p.Model.QuotaRows.IsEmpty) CheckTable(rules, c, p, diagnostics);
                if (p.Model.QuotaBase is not null) CheckBase(rules, c, p, diagnostics);
            }
            for (var i = 0; i < ps.Length; i++)
            {
                for (var j = i + 1; j < ps.Length; j++)
                {
                    cancel.ThrowIfCancellationRequested();
                    var (a, b) = (ps[i].Model, ps[j].Model);
                    if (a.Overrides.Contains(j) || b.Overrides.Contains(i) || a.SameEffect(b) || !FirstTime(a.Decl, b.Decl)) continue;
                    CheckPair(rules.Model, c, ps[i], ps[j], diagnostics);
                }
            }
        }
        CheckTies(rules, diagnostics, cancel);
        return diagnostics.ToImmutable();
    }

    private static void CheckPair(RuleModel model, CompiledCircular c, CompiledProvision a, CompiledProvision b, ImmutableArray<Diagnostic>.Builder into)
    {
        var witness = Together(model, c, [a, b], out var searched);
        if (!searched)
        {
            into.Add(Diagnostic.Create(DiagnosticMessages.ConflictSearchGaveUp, b.Model.Decl.Span, a.Model.Id, b.Model.Id));
            return;
        }
        if (witness is not null)
            into.Add(Diagnostic.Create(DiagnosticMessages.ProvisionsCanBothApply, b.Model.Decl.Span, a.Model.Id, a.Model.Mode!.Value.Word(), b.Model.Id, b.Model.Mode!.Value.Word(), c.Model.Id, witness));
    }
}
