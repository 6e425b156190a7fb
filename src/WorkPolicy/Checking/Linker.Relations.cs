using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Ast;
using WorkPolicy.Diagnostics;
using WorkPolicy.Model;

namespace WorkPolicy.Checking;

internal sealed partial class Linker
{
    /// <summary>
    /// The relations that take effect, resolved to loaded circulars, with where each amendment's <c>amends</c> and each
    /// circular's first <c>follows</c> is written (for the diagnostics of later passes).
    /// </summary>
    private sealed record Resolved(
        Dictionary<string, string> AmendmentBase,
        Dictionary<string, (LocalDate From, string By)> Revoked,
        List<(string Follower, string Target)> Follows,
        Dictionary<string, SourceSpan> AmendsAt,
        Dictionary<string, SourceSpan> FollowsAt);

    /// <summary>
    /// A circular as it stands over a stretch of time: as issued, or as amended by some amendments; <paramref name="Sources"/>
    /// names the amendment each restated or added provision was written in (the circular itself for the others).
    /// </summary>
    private sealed record Version(CircularDecl Decl, LocalDate Start, ImmutableArray<string> AmendedBy, IReadOnlyDictionary<ProvisionDecl, string> Sources)
    {
        /// <summary>The circular as declared: what is checked once, whichever version stands.</summary>
        public required CircularDecl Declared { get; init; }

        /// <summary>Whether this is the circular's first version (the one whose checks of the declaration report).</summary>
        public bool First => AmendedBy.IsEmpty;

        /// <summary>The amendment whose period restated the end this version keeps, or null.</summary>
        public string? ExtendedBy { get; init; }
    }

    /// <summary>
    /// Resolves the relations that take effect (<c>amends</c>, <c>supersedes</c>, <c>revokes</c>, <c>follows</c>) to
    /// loaded circulars. One naming no loaded circular stays a citation (a warning; an error for <c>amends</c>,
    /// which cannot apply without what it amends).
    /// </summary>
    private Resolved Relations(List<CircularDecl> decls)
    {
        var byId = decls.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var amends = new Dictionary<string, string>(StringComparer.Ordinal);
        var amendsAt = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        var followsAt = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        var revoked = new Dictionary<string, (LocalDate From, string By)>(StringComparer.Ordinal);
        var follows = new List<(string, string)>();
        foreach (var c in decls)
        {
            foreach (var r in c.Relations)
            {
                var word = RelationWords.Word(r.Kind);
                var loaded = byId.ContainsKey(r.Target);
                if (r.Kind is RelationKind.Extends or RelationKind.KeepsInForce or RelationKind.Implements) continue;
                if (r.Target == c.Id)
                {
                    Report(DiagnosticMessages.CircularRelatesToItself, r.Span, c.Id, word);
                    continue;
                }
                if (!loaded)
                {
                    var fix = Suggest.Fix(r.Target, byId.Keys);
                    if (r.Kind == RelationKind.Amends)
                        Report(fix, DiagnosticMessages.CircularAmendsNotLoaded, r.Span, c.Id, r.Target);
                    // A regional circular follows a national one of another rule set: evaluated alone there is nothing to
                    // order, and nothing is lost; loaded together (samples/circulars/combined) the order applies. Only a
                    // name near a loaded circular's, a likely slip, is worth a warning.
                    else if (r.Kind != RelationKind.Follows || fix is not null)
                        Report(fix, DiagnosticMessages.RelationKeptAsCitation, r.Span, word, r.Target);
                    continue;
                }
                switch (r.Kind)
                {
                    case RelationKind.Amends when amends.ContainsKey(c.Id):
                        Report(DiagnosticMessages.AmendsMoreThanOne, r.Span, c.Id);
                        break;
                    case RelationKind.Amends:
                        amends[c.Id] = r.Target;
                        amendsAt[c.Id] = r.Span;
                        break;
                    case RelationKind.Follows:
                        follows.Add((c.Id, r.Target));
                        followsAt.TryAdd(c.Id, r.Span);
                        break;
                    default:
                        var from = r.From ?? c.Period.From;
                        if (!revoked.TryGetValue(r.Target, out var earlier) || from < earlier.From) revoked[r.Target] = (from, c.Id);
                        break;
                }
            }
            if (!c.Withdraws.IsEmpty && !amends.ContainsKey(c.Id))
                Report(DiagnosticMessages.WithdrawsWithoutAmending, c.Span, c.Id);
        }
        foreach (var (target, (_, by)) in revoked)
        {
            if (amends.ContainsKey(target))
                Report(DiagnosticMessages.CircularRevokesAmendment, byId[by].Span, by, target, amends[target]);
        }
        return new Resolved(Bases(amends, amendsAt), revoked, follows, amendsAt, followsAt);
    }

    /// <summary>Each amendment's base: the circular at the root of its chain of amendments; cycles are reported and dropped.</summary>
    private Dictionary<string, string> Bases(Dictionary<string, string> amends, Dictionary<string, SourceSpan> amendsAt)
    {
        var bases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var amendment in amends.Keys.Order(StringComparer.Ordinal))
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { amendment };
            var target = amends[amendment];
            while (amends.TryGetValue(target, out var next) && seen.Add(target)) target = next;
            if (seen.Contains(target))
            {
                Report(DiagnosticMessages.AmendmentCycle, amendsAt[amendment], string.Join(", ", seen.Order(StringComparer.Ordinal).Select(s => $"'{s}'")));
                continue;
            }
            bases[amendment] = target;
        }
        return bases;
    }

    /// <summary>
    /// The versions of every circular that is not itself an amendment: as issued until its first amendment
    /// starts, then as amended by each in turn (by first day, then id) — a restated provision (same id)
    /// replaces the one before it in place, a new one is added after the others, a withdrawn one is dropped.
    /// The last version ends when the circular does.
    /// </summary>
    private IEnumerable<Version> Versions(List<CircularDecl> decls, Resolved relations)
    {
        foreach (var c in decls)
        {
            if (relations.AmendmentBase.ContainsKey(c.Id)) continue;
            var amendments = decls.Where(a => relations.AmendmentBase.GetValueOrDefault(a.Id) == c.Id)
                .OrderBy(a => a.Period.From).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
            var provisions = c.Provisions.ToList();
            var sources = new Dictionary<ProvisionDecl, string>(ReferenceEqualityComparer.Instance);
            var applied = ImmutableArray.CreateBuilder<string>();
            var from = c.Period.From;
            // The end in force: the circular's own, until an amendment restates it (an extension, or an earlier end).
            var (end, until, extendedBy) = (c.Period.To, c.Period.Until, (string?)null);
            foreach (var a in amendments)
            {
                if (a.Period.From <= from)
                {
                    Report(DiagnosticMessages.AmendmentStartsTooEarly, a.Period.Span, a.Id, a.Period.From, c.Id, (applied.Count == 0 ? "starts" : "was last amended"), from);
                    continue;
                }
                var restates = a.Period.StatesEnd;
                if (end is { } last && a.Period.From > last)
                {
                    // Past the end, only an extension that takes over the day after it applies; anything later is a gap.
                    if (!restates) continue;
                    if (Period.DaysBetween(last, a.Period.From) > 1)
                    {
                        Report(DiagnosticMessages.ExtensionNotAdjacent, a.Period.Span, a.Id, c.Id, a.Period.From, last);
                        continue;
                    }
                }
                if (a.Period.To is { } newEnd && newEnd < a.Period.From)
                {
                    Report(DiagnosticMessages.AmendmentEndsBeforeStarts, a.Period.Span, a.Id, newEnd, a.Period.From);
                    continue;
                }
                if (end is not { } current || a.Period.From <= current)
                    yield return new Version(VersionDecl(c, provisions, from, a.Period.From.PlusDays(-1), until), c.Period.From, applied.ToImmutable(), new Dictionary<ProvisionDecl, string>(sources, ReferenceEqualityComparer.Instance)) { Declared = c, ExtendedBy = extendedBy };
                else
                    yield return new Version(VersionDecl(c, provisions, from, end, until), c.Period.From, applied.ToImmutable(), new Dictionary<ProvisionDecl, string>(sources, ReferenceEqualityComparer.Instance)) { Declared = c, ExtendedBy = extendedBy };
                provisions = Amend(c, a, provisions, sources);
                applied.Add(a.Id);
                from = a.Period.From;
                if (restates) (end, until, extendedBy) = (a.Period.To, a.Period.Until, a.Id);
            }
            yield return new Version(VersionDecl(c, provisions, from, end, until), c.Period.From, applied.ToImmutable(), sources) { Declared = c, ExtendedBy = extendedBy };
        }
    }

    private static CircularDecl VersionDecl(CircularDecl c, List<ProvisionDecl> provisions, LocalDate from, LocalDate? to, Expr? until) =>
        c with { Period = c.Period with { From = from, To = to, Until = until }, Provisions = [.. provisions] };

    /// <summary>The provisions of <paramref name="c"/> as <paramref name="amendment"/> leaves them; <paramref name="sources"/> learns where each came from.</summary>
    private List<ProvisionDecl> Amend(CircularDecl c, CircularDecl amendment, List<ProvisionDecl> provisions, Dictionary<ProvisionDecl, string> sources)
    {
        var result = provisions.ToList();
        var own = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in amendment.Provisions)
        {
            if (!own.Add(p.Id))
            {
                Report(DiagnosticMessages.ProvisionDeclaredMoreThanOnce, p.Span, p.Id, amendment.Id);
                continue;
            }
            sources[p] = amendment.Id;
            var at = result.FindIndex(x => x.Id == p.Id);
            if (at >= 0) result[at] = p;
            else result.Add(p);
        }
        foreach (var id in amendment.Withdraws)
        {
            if (result.RemoveAll(x => x.Id == id) == 0)
                Report(Suggest.Fix(id, result.Select(x => x.Id)), DiagnosticMessages.WithdrawsUndeclared, amendment.Span, amendment.Id, id, c.Id);
        }
        return result;
    }

    /// <summary>
    /// The order of precedence: by first day, then id (a later circular speaks last), except that a circular
    /// that follows another comes after every version of it; revocations are applied to every version.
    /// </summary>
    private ImmutableArray<CheckedCircular> Precedence(List<CheckedCircular> circulars, Resolved relations)
    {
        var order = circulars.OrderBy(c => c.From).ThenBy(c => c.Id, StringComparer.Ordinal).ThenBy(c => c.AmendedBy.Length).ToList();
        var placed = new List<CheckedCircular>();
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var targets = relations.Follows.ToLookup(f => f.Follower, f => f.Target, StringComparer.Ordinal);
        // Depth-first over 'follows': a circular is placed after everything it follows; ids with versions move together.
        void Place(string id)
        {
            if (done.Contains(id)) return;
            if (!visiting.Add(id))
            {
                Report(DiagnosticMessages.FollowsItself, relations.FollowsAt.GetValueOrDefault(id), id);
                return;
            }
            foreach (var t in targets[id].Order(StringComparer.Ordinal)) Place(t);
            visiting.Remove(id);
            done.Add(id);
            placed.AddRange(order.Where(c => c.Id == id));
        }
        foreach (var c in order) Place(c.Id);
        return [.. placed.Select((c, i) => relations.Revoked.TryGetValue(c.Id, out var r)
            ? c with { Index = i, RevokedFrom = r.From, RevokedBy = r.By }
            : c with { Index = i })];
    }
}
