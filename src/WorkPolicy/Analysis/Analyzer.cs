using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Checking;
using WorkPolicy.Coverage;
using WorkPolicy.Diagnostics;
using WorkPolicy.Evaluation;
using WorkPolicy.Facts;

namespace WorkPolicy.Analysis;

/// <summary>
/// <c>check --analyze</c>: walks every class of staff (<see cref="SpaceWalk"/>) on a working day of every
/// stretch of dates in each region, and reports who is in force but decided by no provision (WP0316),
/// provisions that decide for nobody (WP0317: always overridden, or never applying), pools whose share
/// rounds to no place for small pools (WP0318) and 'overrides' edges whose provisions never meet (WP0319). What the classes reach is observed on the one walk, as
/// coverage observes test cases.
/// </summary>
internal static class Analyzer
{
    /// <summary>The findings for <paramref name="rules"/>, one per circular or provision.</summary>
    public static ImmutableArray<Diagnostic> Analyze(CompiledRules rules)
    {
        var found = ImmutableArray.CreateBuilder<Diagnostic>();
        if (rules.Circulars.IsEmpty) return found.ToImmutable();
        CompiledRules[] sides = [rules];
        var map = new CoverageMap(rules);
        var gaps = new HashSet<string>(StringComparer.Ordinal);
        var complete = true;
        var first = rules.Circulars.Min(c => c.Model.From);
        var end = rules.Circulars.Max(c => c.Model.To ?? c.Model.From);
        var last = end < LocalDate.MaxIsoValue ? end.PlusDays(1) : end;
        foreach (var (region, _) in Comparison.RegionGroups(sides))
        {
            var space = FactSpace.Of(sides, region);
            foreach (var start in Comparison.Cuts(sides, region, first, last))
            {
                var day = start;
                while (!CalendarFacts.Default.IsWorkingDay(day)) day = day.PlusDays(1);
                var (cells, whole) = SpaceWalk.Run(space, sides, day);
                complete &= whole;
                foreach (var cell in cells)
                {
                    var facts = space.Facts(cell.Choice, day);
                    var evaluator = new Evaluator(rules, new FactIndex(facts, rules.Model.Layout));
                    var observer = new CoverageObserver(map);
                    evaluator.Observe(evaluator.Facts.Employees[0], day, ref observer);
                    var d = cell.Decisions[0];
                    if (d.Reason != NotCoveredReason.NoProvisionFits) continue;
                    // A circular with an end condition the synthetic facts leave open may be in force: where it decides
                    // nobody the answer is "not covered" either way, so the decision names no circular. Its gap is
                    // looked for all the same — the question is whom it decides while it is in force.
                    var gapOf = d.Circulars.IsEmpty
                        ? rules.Circulars.Select(c => c.Model).FirstOrDefault(c => c.Until is not null && c.Regions.Contains(region) && c.From <= day && (c.To is null || day <= c.To))?.Id
                        : d.Circulars[0];
                    if (gapOf is null || !gaps.Add(gapOf)) continue;
                    var (shown, codes) = Minimizer.Smallest(space, sides, cell, day, (x, y) => x.Mode == y.Mode && x.Reason == y.Reason);
                    var circular = rules.Circulars.First(c => c.Model.Id == gapOf).Model;
                    found.Add(Diagnostic.Create(DiagnosticMessages.NoProvisionDecidesOnDate, circular.Decl.Span, circular.Id, day, region, Comparison.Words(space.Describe(shown, codes))));
                }
            }
        }
        // A walk cut short may have missed where a provision decides: then none is called dead. The walk's
        // classes are as coarse as the decisions allow, so why a provision never decides (and whether two
        // provisions ever meet) is asked of the scopes themselves.
        foreach (var line in map.Lines().Where(l => complete && l.Target == CoverageTarget.Provision && !l.Reach.HasFlag(Reach.Decided)))
        {
            if (rules.Circulars.Select(c => (C: c, P: c.Deciding.FirstOrDefault(p => p.Model.Decl.Span == line.Span))).FirstOrDefault(x => x.P is not null) is not ({ } c, { } provision)) continue;
            var why = ConflictChecker.CanApplyTogether(rules, c, provision) == false ? "it applies to no one"
                : provision.Model.OverriddenBy.Any(j => ConflictChecker.CanApplyTogether(rules, c, provision, c.Deciding[j]) == true)
                    ? "wherever it applies while its circular is in force, a provision that overrides it, or an earlier one with the same effect, decides"
                    : "it applies to no one while its circular is in force, or an earlier provision with the same effect decides";
            found.Add(Diagnostic.Create(DiagnosticMessages.ProvisionNeverDecides, line.Span, provision.Model.Id, line.Circular, why));
        }
        foreach (var (c, p) in EachProvisionOnce(rules))
        foreach (var target in p.Model.Decl.Overrides)
        {
            if (c.Deciding.FirstOrDefault(q => q.Model.Id == target) is not { } q || ConflictChecker.CanApplyTogether(rules, c, p, q) != false) continue;
            found.Add(Diagnostic.Create(DiagnosticMessages.OverridesNeverTakesEffect, p.Model.Decl.Span, p.Model.Id, target, c.Model.Id));
        }
        // A cycle whose days at the place do not keep the share (2 office 1 home is two thirds at the office).
        foreach (var (_, compiled) in EachProvisionOnce(rules))
        {
            if (compiled.Model.Pool is not { HasTable: false, Decl: { Cycle: { } cycle } decl } cycled) continue;
            var atPlace = 100m * (decl.Place == QuotaPlace.Office ? cycle.Office : cycle.Home) / cycle.Length;
            var keeps = decl.Bound switch
            {
                ShareBound.AtMost => atPlace <= decl.Percent,
                ShareBound.AtLeast => atPlace >= decl.Percent,
                ShareBound.Between => atPlace >= decl.Percent && atPlace <= decl.High!.Value,
                _ => decimal.Round(atPlace, 10) == decimal.Round(decl.Percent, 10),
            };
            // A head-count floor ("at-least 1 person") and a cycle: staggered, a day holds about n × (days at the place) /
            // (length) members there, so pools smaller than floor × length / (days at the place) have days below the floor.
            if (decl.MinPersons > 0)
            {
                var daysAtPlace = decl.Place == QuotaPlace.Office ? cycle.Office : cycle.Home;
                var smallest = (decl.MinPersons * cycle.Length + daysAtPlace - 1) / daysAtPlace;
                if (smallest > decl.MinPersons)
                    found.Add(Diagnostic.Create(DiagnosticMessages.CycleBreaksFloor, cycled.Span, decl.Group, compiled.Model.Id, cycle.Office, cycle.Home,
                        decl.MinPersons == 1 ? "1 person" : $"{decl.MinPersons} persons", decl.Place == QuotaPlace.Office ? "office" : "home", smallest));
            }
            if (keeps) continue;
            var share = new PoolAssignment(decl.Group, "", decl.Place, decl.Percent, decl.Rounding, decl.AtMost) { AtLeast = decl.AtLeast, PercentHigh = decl.High }.Words();
            found.Add(Diagnostic.Create(DiagnosticMessages.CycleBreaksShare, cycled.Span, decl.Group, compiled.Model.Id, cycle.Office, cycle.Home,
                Parsing.Values.ShareText(atPlace), decl.Place == QuotaPlace.Office ? "office" : "home", share));
        }
        // A check-in with no window gives attendance nothing to check (the report says so too): once per provision.
        foreach (var (_, compiled) in EachProvisionOnce(rules).Concat(EachAttachingOnce(rules)))
        foreach (var o in compiled.Model.Obligations)
            if (o.Kind == "check-in" && o.Windows.IsEmpty) found.Add(Diagnostic.Create(DiagnosticMessages.CheckInWithoutWindow, o.Decl.Span));
        foreach (var (_, compiled) in EachProvisionOnce(rules))
        {
            // A floor and a ceiling no whole count meets for some sizes (25–30 % of 1, 2, 3, 5 persons).
            if (compiled.Model.Pool is not { HasTable: false, Decl.High: { } high } ranged) continue;
            var sizes = Enumerable.Range(1, 100).Where(n => Math.Ceiling(Ast.Quotas.Exact(n, ranged.Percent)) > Math.Floor(Ast.Quotas.Exact(n, high))).ToList();
            if (sizes.Count == 0) continue;
            var listed = string.Join(", ", sizes.Take(6)) + (sizes.Count > 6 ? $" and {sizes.Count - 6} more sizes up to 100" : "");
            found.Add(Diagnostic.Create(DiagnosticMessages.RangeHoldsNoCountFor, ranged.Span, ranged.Group, compiled.Model.Id, Parsing.Values.ShareText(ranged.Percent), Parsing.Values.ShareText(high),
                ranged.Place == QuotaPlace.Office ? "office" : "home", listed));
        }
        foreach (var (_, compiled) in EachProvisionOnce(rules))
        {
            var p = compiled.Model;
            if (p.Pool is not { HasTable: false } pool || pool.Percent <= 0 || pool.Rounding == Rounding.Turns || pool.Decl.Bound == ShareBound.Between) continue;
            var smallest = Enumerable.Range(1, 100).FirstOrDefault(n => pool.Quota(n) > 0);
            if (smallest <= 1) continue;
            var place = pool.Place == QuotaPlace.Office ? "office" : "home";
            // A target share small pools cannot meet; a cap that leaves them no place at all (nobody may be at the
            // quota's place), which a text allowing "at most" a share rarely means.
            found.Add(Diagnostic.Create(pool.AtMost ? DiagnosticMessages.CapLeavesNoPlace : DiagnosticMessages.ShareUnmetInSmallPools, pool.Span,
                // The share as written: 30%, or 1/3 (not 33.333…).
                pool.Group, p.Id, Parsing.Values.ShareText(pool.Percent), pool.Rounding.ToString().ToLowerInvariant(), smallest, place));
        }
        return found.ToImmutable();
    }

    /// <summary>
    /// Each deciding provision once, with the first version of its circular that holds it: versions of an amended
    /// circular share the provisions an amendment leaves as they were, and a finding about one is made once.
    /// </summary>
    private static IEnumerable<(CompiledCircular Circular, CompiledProvision Provision)> EachProvisionOnce(CompiledRules rules) => Once(rules, c => c.Deciding);

    /// <summary>As <see cref="EachProvisionOnce"/>, for the provisions that only add obligations.</summary>
    private static IEnumerable<(CompiledCircular Circular, CompiledProvision Provision)> EachAttachingOnce(CompiledRules rules) => Once(rules, c => c.Attaching);

    private static IEnumerable<(CompiledCircular Circular, CompiledProvision Provision)> Once(CompiledRules rules, Func<CompiledCircular, IEnumerable<CompiledProvision>> provisions)
    {
        foreach (var history in rules.Model.Histories)
        {
            var seen = new HashSet<Ast.ProvisionDecl>(ReferenceEqualityComparer.Instance);
            foreach (var version in history.Versions)
            {
                var c = rules.Circulars[version.Index];
                foreach (var p in provisions(c))
                {
                    if (seen.Add(p.Model.Decl)) yield return (c, p);
                }
            }
        }
    }
}
