using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Ast;
using WorkPolicy.Evaluation;
using WorkPolicy.Evaluation.Memo;
using WorkPolicy.Facts;

namespace WorkPolicy.Rostering;

/// <summary>A way a roster breaks the rules.</summary>
internal sealed record RosterViolation(LocalDate? Date, string? Employee, string? Pool, string Message);

/// <summary>Validates an existing roster (e.g. an office's own spreadsheet) against the rules.</summary>
internal static class RosterChecker
{
    /// <summary>Every violation of fixed decisions, quotas and fairness, in date then employee order.</summary>
    public static ImmutableArray<RosterViolation> Check(IDecider evaluator, IReadOnlyList<EmployeeFacts> employees, DateInterval dates, RosterPlaces given)
    {
        var violations = new List<RosterViolation>();
        var officeDays = new Dictionary<(string Group, string Unit), Dictionary<string, int>>();
        // The turn of each pool, counted as the planner counts it: one per day the pool has members.
        var turns = new Dictionary<(string Group, string Unit), int>();
        // For pools in a cycle: each member's places by the pool's turn, held to the cycle once all days are read.
        var cycles = new Dictionary<(string Employee, string Group, string Unit), (PoolCycle Cycle, List<(int Turn, bool AtOffice, LocalDate Date)> Days)>();
        // For fixed shift groups: each day's members of the pool with their value of the grouping field and place.
        var grouped = new Dictionary<(string Group, string Unit), (PoolAssignment Pool, List<(string Value, bool AtOffice)> Members)>();
        // For pools that allow no two office days running: each member's last office day, by the pool's turn.
        var lastOffice = new Dictionary<(string Employee, string Group, string Unit), (int Turn, LocalDate Date)>();
        // Each day's modes, in one list emptied between days.
        var modes = new List<(EmployeeRow Row, WorkMode Mode)>(employees.Count);
        foreach (var date in dates)
        {
            var pools = new SortedDictionary<(string Group, string Unit), (PoolAssignment Pool, Verdict Verdict, int Members, int AtPlace)>();
            modes.Clear();
            for (var index = 0; index < employees.Count; index++)
            {
                var e = employees[index];
                var row = evaluator.Facts.Row(e);
                var d = evaluator.Decide(row, date);
                modes.Add((row, d.Mode));
                var has = given.TryGet(index, date, out var place);
                switch (d.Mode)
                {
                    case WorkMode.DayOff when has && place != RosterPlace.Off:
                        violations.Add(new RosterViolation(date, e.Id, null, $"placed at {place.Word()} on a day that is not a working day"));
                        break;
                    case WorkMode.Office or WorkMode.Home when !has:
                        violations.Add(new RosterViolation(date, e.Id, null, $"no place given; the rules say {d.Mode.Word()} ({Who(d)})"));
                        break;
                    case WorkMode.Office when place != RosterPlace.Office:
                    case WorkMode.Home when place != RosterPlace.Home:
                        violations.Add(new RosterViolation(date, e.Id, null, $"placed at {place.Word()}, but the rules say {d.Mode.Word()} ({Who(d)})"));
                        break;
                    case WorkMode.Rotation when d.Pool is { } pool:
                        var key = (pool.Group, pool.Unit);
                        // The pool's size is the facts' (every member the rules put in it), whatever rows the roster holds.
                        // The pool's provision, for its quota base: the first member's verdict (the memo has it).
                        var (p, poolVerdict, members, atPlace) = pools.TryGetValue(key, out var seen) ? seen : (pool, evaluator.Classify(row, date), 0, 0);
                        var placed = has && place != RosterPlace.Off;
                        var atQuotaPlace = placed && (place == RosterPlace.Office) == (pool.Place == QuotaPlace.Office);
                        pools[key] = (p, poolVerdict, members + 1, atPlace + (atQuotaPlace ? 1 : 0));
                        if (!placed)
                        {
                            violations.Add(new RosterViolation(date, e.Id, $"{pool.Group}@{pool.Unit}", has ? "placed off on a working day" : "no place given for a rotation day"));
                            break;
                        }
                        if (!officeDays.TryGetValue(key, out var counts)) officeDays[key] = counts = new Dictionary<string, int>(StringComparer.Ordinal);
                        counts[e.Id] = counts.GetValueOrDefault(e.Id) + (place == RosterPlace.Office ? 1 : 0);
                        if (pool.GroupBy is { } groupBy)
                        {
                            if (!grouped.TryGetValue(key, out var day)) grouped[key] = day = (pool, []);
                            day.Members.Add((PoolGroups.ValueOf(e, groupBy), place == RosterPlace.Office));
                        }
                        if (pool.NoConsecutiveOffice && place == RosterPlace.Office)
                        {
                            var turn = turns.GetValueOrDefault(key);
                            if (lastOffice.TryGetValue((e.Id, key.Group, key.Unit), out var before) && before.Turn == turn - 1)
                                violations.Add(new RosterViolation(date, e.Id, $"{pool.Group}@{pool.Unit}", $"at the office on two working days running ({Parsing.Values.Text(before.Date)} and {Parsing.Values.Text(date)}); the pool allows none"));
                            lastOffice[(e.Id, key.Group, key.Unit)] = (turn, date);
                        }
                        if (pool.CycleOffice is { } cycleOffice && pool.CycleHome is { } cycleHome)
                        {
                            if (!cycles.TryGetValue((e.Id, key.Group, key.Unit), out var followed))
                                cycles[(e.Id, key.Group, key.Unit)] = followed = (new PoolCycle(cycleOffice, cycleHome), []);
                            followed.Days.Add((turns.GetValueOrDefault(key), place == RosterPlace.Office, date));
                        }
                        break;
                }
            }
            foreach (var (key, (pool, poolVerdict, members, atPlace)) in pools)
            {
                var turn = turns.GetValueOrDefault(key);
                turns[key] = turn + 1;
                var share = PoolQuota.Of(evaluator, pool, poolVerdict, members, turn, date, modes);
                var quota = share.AtPlace;
                var minimum = Math.Min(pool.MinPersons, members);
                if (!Quotas.Holds(pool.Bound, atPlace, quota, share.Highest, minimum))
                {
                    var where = pool.Place == QuotaPlace.Office ? "at the office" : "at home";
                    var bound = pool.Bound switch
                    {
                        ShareBound.AtMost => $"at most {quota}" + (minimum > 0 ? $" and at least {minimum}" : ""),
                        ShareBound.AtLeast => $"at least {quota}",
                        ShareBound.Between => $"between {quota} and {share.Highest ?? quota}",
                        _ => $"{quota}",
                    };
                    var rounded = pool.Bound == ShareBound.Between ? "the least whole count in the range"
                        : pool.Rounding == Rounding.Turns ? "taken in turns, turn " + (turn + 1) : "rounded " + pool.Rounding.ToString().ToLowerInvariant();
                    violations.Add(new RosterViolation(date, null, $"{key.Group}@{key.Unit}",
                        $"{atPlace} of {members} {where}; the quota is {bound} ({(pool.PercentHigh is { } top ? $"{Parsing.Values.ShareText(pool.Percent)} to {Parsing.Values.ShareText(top)}" : Parsing.Values.ShareText(pool.Percent))} {(share.Base is { } b ? $"of {b} in the base, {share.Fixed} of them fixed {where}, " : "")}{rounded}{(pool.MinPersons > 0 ? $", at least {pool.MinPersons} kept" : "")})"));
                }
            }
            // Each group holds every value of its field the pool has as many of as there are groups: so does each day's office.
            foreach (var (key, (pool, day)) in grouped)
            {
                var groups = pool.CycleOffice!.Value + pool.CycleHome!.Value;
                foreach (var value in day.GroupBy(m => m.Value).Where(g => g.Key.Length > 0 && g.Count() >= groups && !g.Any(m => m.AtOffice)).Select(g => g.Key).Order(StringComparer.Ordinal))
                    violations.Add(new RosterViolation(date, null, $"{key.Group}@{key.Unit}", $"no {pool.GroupBy} '{value}' at the office, though each of the {groups} groups holds one"));
            }
            grouped.Clear();
        }
        // A member in a cycle keeps to it: some place in the cycle gives every one of their days (N at the office, M at home).
        foreach (var ((employee, group, unit), (cycle, days)) in cycles.OrderBy(c => c.Key))
        {
            if (Enumerable.Range(0, cycle.Length).Any(phase => days.All(d => cycle.AtOffice(d.Turn, phase) == d.AtOffice))) continue;
            violations.Add(new RosterViolation(days[0].Date, employee, $"{group}@{unit}",
                $"does not keep to the cycle of {cycle.Office} working day(s) at the office then {cycle.Home} at home over {days.Count} rotation day(s)"));
        }
        foreach (var (key, counts) in officeDays.OrderBy(k => k.Key))
        {
            // In a cycle the cycle is the fairness: members who started at other places in it differ by its turns.
            if (counts.Count == 0 || cycles.Keys.Any(c => c.Group == key.Group && c.Unit == key.Unit)) continue;
            var max = counts.Values.Max();
            var min = counts.Values.Min();
            if (max - min > 1)
                violations.Add(new RosterViolation(null, null, $"{key.Group}@{key.Unit}",
                    $"office days range from {min} to {max} over the period; fair rotation keeps them within one"));
        }
        return [.. violations];
    }

    private static string Who(Decision d) => d.Provisions.Count > 0 ? $"{d.Provisions[0].Circular}/{d.Provisions[0].Id}" : "no provision";
}
