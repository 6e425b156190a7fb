using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Ast;
using WorkPolicy.Evaluation;
using WorkPolicy.Evaluation.Memo;
using WorkPolicy.Facts;

namespace WorkPolicy.Rostering;

/// <summary>
/// Assigns each employee a place per day. Fixed decisions are kept (office, home, day off);
/// optional and uncovered staff are at the office; rotation pools get exactly their quota (or
/// their cap) at the quota's place each working day, choosing those with the fewest office days
/// so far (then the longest since their last office day, then id), so office days within a pool
/// differ by at most one over the period. A pool whose rule rotates every N days keeps the same
/// people in for N working days. Output depends only on the input.
/// </summary>
internal static class RosterPlanner
{
    private sealed class Fairness
    {
        public int OfficeDays;
        public LocalDate? LastOffice;
    }

    private sealed class PoolState
    {
        public string Members = "";
        public HashSet<string> Office = new(StringComparer.Ordinal);
        public int DaysInBlock;

        /// <summary>How many days the pool has been planned: the turn of a share spread over the rotation.</summary>
        public int Turn;

        /// <summary>For a pool in a cycle: each member's place in it, given when first met (in id order, round the cycle).</summary>
        public Dictionary<string, int> Phases = new(StringComparer.Ordinal);

        public int NextPhase;
    }

    /// <summary>
    /// Places in a one-office-day cycle for the members first met, so that each day of the cycle holds what the quota asks
    /// that turn (a share taken in turns: 25 % of six is 1, 2, 1, 2 a day, and the cycle gives the same) — the check
    /// holds a roster to both; shift groups, dealt by their field, each take the turn that fits their size
    /// (<see cref="GroupPhases"/>). Null where no such dealing exists (a floor the pool is too small for, WP0325; a cycle
    /// of several office days): then the places go round the cycle in id order.
    /// </summary>
    private static int[]? PhasesByTurns(IDecider evaluator, PoolAssignment pool, Verdict verdict, int members, PoolCycle cycle, LocalDate date, List<(EmployeeRow Row, WorkMode Mode)> everyone)
    {
        if (cycle.Office != 1) return null;
        var atOffice = new int[cycle.Length];
        for (var turn = 0; turn < cycle.Length; turn++)
        {
            var quota = PoolQuota.Of(evaluator, pool, verdict, members, turn, date, everyone).AtPlace;
            atOffice[turn] = pool.Place == QuotaPlace.Office ? quota : members - quota;
        }
        // At the office on a turn: the members whose place in the cycle brings its one office day there.
        int PhaseOf(int turn) => (cycle.Length - turn) % cycle.Length;
        if (pool.GroupBy is not null) return GroupPhases(members, atOffice, PhaseOf);
        var phases = new List<int>(members);
        for (var turn = 0; turn < cycle.Length; turn++)
        {
            for (var k = 0; k < atOffice[turn]; k++) phases.Add(PhaseOf(turn));
        }
        return phases.Count == members ? [.. phases] : null;
    }

    /// <summary>
    /// Shift groups: members (in the field's order) dealt round the groups one by one, so each group holds every value the
    /// pool has as many of as there are groups; each group then takes the turn whose quota is its size (a quarter of
    /// nine taken in turns is 2, 2, 2 and 3 a day: the group of three comes on the fourth), or, where no turn's quota
    /// fits, the turns in order.
    /// </summary>
    private static int[] GroupPhases(int members, int[] atOffice, Func<int, int> phaseOf)
    {
        var groups = atOffice.Length;
        var phaseOfGroup = new int[groups];
        var taken = new bool[groups];
        for (var g = 0; g < groups; g++)
        {
            var size = members / groups + (g < members % groups ? 1 : 0);
            // Group g keeps place g in the cycle where that turn's quota is its size (the dealing round the cycle in
            // order); else it takes the first free turn whose quota is.
            var own = (groups - g) % groups;   // the turn whose office day is place g's (phaseOf is its own inverse)
            var turn = !taken[own] && atOffice[own] == size ? own : Enumerable.Range(0, groups).FirstOrDefault(t => !taken[t] && atOffice[t] == size, -1);
            // No turn fits (a share the groups cannot give, rounded down, say): round the cycle in order, and the check
            // names the days.
            if (turn < 0) return [.. Enumerable.Range(0, members).Select(k => k % groups)];
            taken[turn] = true;
            phaseOfGroup[g] = phaseOf(turn);
        }
        return [.. Enumerable.Range(0, members).Select(k => phaseOfGroup[k % groups])];
    }

    /// <summary>Plans a roster for <paramref name="employees"/> over <paramref name="dates"/>.</summary>
    public static Roster Plan(IDecider evaluator, IReadOnlyList<EmployeeFacts> employees, DateInterval dates, IProgress<int>? progress = null)
    {
        // A byte per employee and day, not an entry per place (what a million employees over a month need).
        var places = new RosterPlaces([.. employees.Select(e => e.Id)], dates);
        var unassigned = ImmutableArray.CreateBuilder<UnplacedDay>();
        var pools = ImmutableArray.CreateBuilder<PoolDayCount>();
        var fairness = new Dictionary<string, Fairness>(StringComparer.Ordinal);
        var states = new Dictionary<(string, string), PoolState>();
        var cadences = new Dictionary<(string, string), int>();
        var day = 0;
        // Each day's modes, in one list emptied between days (a million employees: 16 MB once, not each day).
        var modes = new List<(EmployeeRow Row, WorkMode Mode)>(employees.Count);
        var rows = employees.Select(evaluator.Facts.Row).ToList();
        foreach (var date in dates)
        {
            // Outside every circular the calendar still says which days are worked.
            var uncovered = evaluator.Facts.IsWorkingDay(date) ? RosterPlace.Office : RosterPlace.Off;
            var buckets = new SortedDictionary<(string Group, string Unit), List<(EmployeeRow Row, Verdict V, PoolAssignment Pool, int Index)>>();
            modes.Clear();
            for (var index = 0; index < rows.Count; index++)
            {
                var row = rows[index];
                var e = row.Facts;
                var v = evaluator.Classify(row, date);
                modes.Add((row, v.Mode));
                switch (v.Mode)
                {
                    case WorkMode.Indeterminate:
                        unassigned.Add(new UnplacedDay(e.Id, date, evaluator.Decide(row, date).Unknown));
                        break;
                    case WorkMode.Rotation when evaluator.PoolOf(row, date, v) is { } pool:
                        var key = (pool.Group, pool.Unit);
                        if (!buckets.TryGetValue(key, out var list)) buckets[key] = list = [];
                        list.Add((row, v, pool, index));
                        break;
                    default:
                        var place = v.Mode switch
                        {
                            WorkMode.DayOff => RosterPlace.Off,
                            WorkMode.Home => RosterPlace.Home,
                            WorkMode.NotCovered => uncovered,
                            _ => RosterPlace.Office,
                        };
                        places.Set(index, day, place);
                        break;
                }
            }
            foreach (var (key, members) in buckets)
            {
                if (!states.TryGetValue(key, out var state)) states[key] = state = new PoolState();
                var pool = members[0].Pool;
                var n = members.Count;
                var cycleDay = state.Turn;
                var share = PoolQuota.Of(evaluator, pool, members[0].V, n, state.Turn++, date, modes);
                var quota = share.AtPlace;
                var officeCount = pool.Place == QuotaPlace.Office ? quota : n - quota;
                if (pool.CycleOffice is { } cycleOffice && pool.CycleHome is { } cycleHome)
                {
                    // Each member follows the cycle from a place of their own, the places handed round the cycle so the
                    // days hold about the same number at the office (a pool of three in "2 office, 1 home": two a day).
                    var cycle = new PoolCycle(cycleOffice, cycleHome);
                    // Fixed shift groups: members dealt round the cycle by the field's value, so each group holds every value
                    // the pool has as many of as there are groups.
                    var dealt = cycleDay == 0 ? PhasesByTurns(evaluator, pool, members[0].V, n, cycle, date, modes) : null;
                    var next = 0;
                    foreach (var id in members.Select(m => m.Row.Facts)
                        .OrderBy(e => pool.GroupBy is { } by ? PoolGroups.ValueOf(e, by) : "", StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal).Select(e => e.Id))
                        if (!state.Phases.ContainsKey(id)) state.Phases[id] = dealt is not null ? dealt[next++] : state.NextPhase++ % cycle.Length;
                    state.Office = members.Select(m => m.Row.Facts.Id).Where(id => cycle.AtOffice(cycleDay, state.Phases[id])).ToHashSet(StringComparer.Ordinal);
                    officeCount = state.Office.Count;
                }
                var signature = string.Join(',', members.Select(m => m.Row.Facts.Id).Order(StringComparer.Ordinal));
                var cadence = cadences.TryGetValue(key, out var known) ? known : cadences[key] = Cadence(evaluator.Decide(members[0].Row, date));
                // A share spread over turns moves the places every day; otherwise blocks follow the cadence.
                // Never two office days running: chosen afresh each day, yesterday's office staff last.
                if (pool.CycleOffice is null && (signature != state.Members || state.DaysInBlock >= cadence || pool.Rounding == Rounding.Turns || pool.NoConsecutiveOffice))
                {
                    // Preferred staff (a pool's 'prefer') fill office days first; fairness decides within each class.
                    var yesterday = pool.NoConsecutiveOffice ? state.Office : [];
                    var rank = members.ToDictionary(m => m.Row.Facts.Id, m => (yesterday.Contains(m.Row.Facts.Id) ? 10 : 0)
                        + evaluator.Preferred(m.Row, date, m.V) switch { Tri.True => 0, Tri.Unknown => 1, _ => 2 }, StringComparer.Ordinal);
                    state.Office = Choose(members.Select(m => m.Row.Facts.Id), officeCount, fairness, rank);
                    state.Members = signature;
                    state.DaysInBlock = 0;
                }
                state.DaysInBlock++;
                foreach (var (row, _, _, index) in members)
                {
                    var e = row.Facts;
                    var atOffice = state.Office.Contains(e.Id);
                    places.Set(index, day, atOffice ? RosterPlace.Office : RosterPlace.Home);
                    if (!atOffice) continue;
                    if (!fairness.TryGetValue(e.Id, out var f)) fairness[e.Id] = f = new Fairness();
                    f.OfficeDays++;
                    f.LastOffice = date;
                }
                var atPlace = pool.Place == QuotaPlace.Office ? officeCount : n - officeCount;
                pools.Add(new PoolDayCount(key.Group, key.Unit, date, n, pool.Place, quota, pool.AtMost, atPlace)
                {
                    Base = share.Base, FixedAtPlace = share.Fixed, Bound = pool.Bound, Highest = share.Highest, Minimum = pool.MinPersons,
                });
            }
            // Counted apart from the report: a null progress skips its argument, and the day indexes the places.
            day++;
            progress?.Report(day);
        }
        return new Roster(places, unassigned.ToImmutable(), pools.ToImmutable());
    }

    /// <summary>Working days one selection lasts: the rotation obligation's <c>every</c>, else one.</summary>
    private static int Cadence(Decision d)
    {
        foreach (var o in d.Obligations)
        {
            if (o.Kind == "rotation" && o.EveryDays is { } days) return days;
        }
        return 1;
    }

    private static HashSet<string> Choose(IEnumerable<string> members, int count, Dictionary<string, Fairness> fairness, Dictionary<string, int> rank) =>
        members
            .Select(id => (Id: id, F: fairness.GetValueOrDefault(id)))
            .OrderBy(m => rank[m.Id])
            .ThenBy(m => m.F?.OfficeDays ?? 0)
            .ThenBy(m => m.F?.LastOffice ?? LocalDate.MinIsoValue)
            .ThenBy(m => m.Id, StringComparer.Ordinal)
            .Take(count)
            .Select(m => m.Id)
            .ToHashSet(StringComparer.Ordinal);
}
