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
    public static ImmutableArray<Diagnostic> Check(CompiledRules rules, CancellationToken cancel = default) => Check(rules, remembered: true, cancel);

    /// <summary>
    /// The search; <paramref name="remembered"/>: whether a circular whose syntax and vocabulary a search met before
    /// takes that search's findings (an optimisation: a reload after one file of hundreds changed searches that one;
    /// tests hold it equal to searching afresh).
    /// </summary>
    internal static ImmutableArray<Diagnostic> Check(CompiledRules rules, bool remembered, CancellationToken cancel = default)
    {
        var vocabulary = VocabularyKey(rules.Model);
        // A circular of one version that amends none shares no provision with another circular: what it is searched for
        // depends on its own syntax and the vocabulary alone, so findings met before for the same syntax objects stand.
        var amending = rules.Model.Circulars.SelectMany(c => c.AmendedBy).ToHashSet(StringComparer.Ordinal);
        var single = rules.Model.Histories.Where(h => !h.Amended && !amending.Contains(h.Id)).Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
        // The versions of an amended circular share provisions (checked once, with the same scopes): a table, or a
        // pair, is searched once, in the first version that has it. Which searches run is settled first, in order;
        // they then run on all cores, and their findings are put back in that order.
        var tables = new HashSet<Ast.ProvisionDecl>(ReferenceEqualityComparer.Instance);
        // By reference: a declaration is one object however many versions hold it (records would compare whole trees).
        var pairs = new Dictionary<Ast.ProvisionDecl, HashSet<Ast.ProvisionDecl>>(ReferenceEqualityComparer.Instance);
        bool FirstTime(Ast.ProvisionDecl a, Ast.ProvisionDecl b) =>
            (pairs.TryGetValue(a, out var seen) ? seen : pairs[a] = new HashSet<Ast.ProvisionDecl>(ReferenceEqualityComparer.Instance)).Add(b);
        var work = new List<(CompiledCircular Circular, bool Remember, ImmutableArray<Diagnostic>? Known, List<Action<ImmutableArray<Diagnostic>.Builder>> Searches)>();
        foreach (var c in rules.Circulars)
        {
            var ps = c.Deciding;
            var remember = remembered && single.Contains(c.Model.Id) && c.Model.Declared is not null;
            if (remember && Findings.TryGetValue(c.Model.Declared!, out var before) && before.Vocabulary == vocabulary
                && before.Provisions.AsSpan().SequenceEqual(ps.Select(p => p.Model.Decl).ToArray(), ReferenceEqualityComparer.Instance))
            {
                work.Add((c, false, before.Found, []));
                continue;
            }
            var searches = new List<Action<ImmutableArray<Diagnostic>.Builder>>();
            foreach (var p in ps.Where(p => !p.Model.QuotaRows.IsEmpty || p.Model.QuotaBase is not null))
            {
                if (!tables.Add(p.Model.Decl)) continue;
                if (!p.Model.QuotaRows.IsEmpty) searches.Add(into => CheckTable(rules, c, p, into));
                if (p.Model.QuotaBase is not null) searches.Add(into => CheckBase(rules, c, p, into));
            }
            for (var i = 0; i < ps.Length; i++)
            {
                for (var j = i + 1; j < ps.Length; j++)
                {
                    var (a, b) = (ps[i].Model, ps[j].Model);
                    if (a.Overrides.Contains(j) || b.Overrides.Contains(i) || a.SameEffect(b) || !FirstTime(a.Decl, b.Decl)) continue;
                    var (x, y) = (ps[i], ps[j]);
                    searches.Add(into => CheckPair(rules.Model, c, x, y, into));
                }
            }
            work.Add((c, remember, null, searches));
        }
        var found = new ImmutableArray<Diagnostic>[work.Count];
        Parallel.For(0, work.Count, new ParallelOptions { CancellationToken = cancel }, k =>
        {
            var (c, remember, known, searches) = work[k];
            if (known is { } kept)
            {
                found[k] = kept;
                return;
            }
            var into = ImmutableArray.CreateBuilder<Diagnostic>();
            foreach (var search in searches) search(into);
            found[k] = into.ToImmutable();
            if (remember) Findings.AddOrUpdate(c.Model.Declared!, new Searched(vocabulary, [.. c.Deciding.Select(p => p.Model.Decl)], found[k]));
        });
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var f in found) diagnostics.AddRange(f);
        CheckTies(rules, diagnostics, cancel);
        return diagnostics.ToImmutable();
    }

    /// <summary>What a circular was searched for: under which vocabulary, with which provisions (by reference), and what was found.</summary>
    private sealed record Searched(string Vocabulary, Ast.ProvisionDecl[] Provisions, ImmutableArray<Diagnostic> Found);

    // Keyed by the circular's syntax object (kept alive by the parse cache while its file is unchanged): gone with it.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Ast.CircularDecl, Searched> Findings = [];

    /// <summary>The vocabulary as the files that declare it are written: their digests, in order.</summary>
    private static string VocabularyKey(RuleModel model) =>
        string.Join(",", model.Files.Where(f => !f.Vocabularies.IsEmpty).Select(f => Convert.ToHexString(f.Digest)));

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
