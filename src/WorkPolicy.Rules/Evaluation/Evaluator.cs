using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Rules.Ast;
using WorkPolicy.Rules.Facts;

namespace WorkPolicy.Rules.Evaluation;

/// <summary>
/// Decides work mode, obligations and pool for employees on dates. One instance per thread:
/// it reuses a scope object between decisions.
/// </summary>
public sealed class Evaluator
{
    private static readonly WorkMode[] WorkingModes = [WorkMode.Office, WorkMode.Home, WorkMode.Rotation, WorkMode.Optional];
    private readonly CompiledRuleSet _rules;
    private readonly EvalScope _scope;

    /// <summary>An evaluator of <paramref name="rules"/> over <paramref name="facts"/>.</summary>
    public Evaluator(CompiledRuleSet rules, FactIndex facts)
    {
        _rules = rules;
        _scope = new EvalScope(facts);
    }

    /// <summary>The facts evaluated against.</summary>
    public FactIndex Facts => _scope.Index;

    /// <summary>The decision for <paramref name="employee"/> on <paramref name="date"/>; pass a list to get the trace.</summary>
    public Decision Decide(EmployeeFacts employee, LocalDate date, List<TraceEntry>? trace = null)
    {
        var s = _scope;
        s.SetEmployee(employee);
        s.Date = date;
        s.Missing = null;
        if (s.Unit is null)
        {
            trace?.Add(new TraceEntry("", null, "unknown", $"unit '{employee.Unit}' is not in the facts"));
            return Empty(employee, date, WorkMode.Indeterminate, [], [$"units[{employee.Unit}]"]);
        }

        var inForce = new List<CompiledCircular>();
        var unknown = new List<string>();
        foreach (var c in _rules.Circulars)
        {
            switch (InForce(c, s, trace, unknown))
            {
                case Tri.True: inForce.Add(c); break;
                case Tri.Unknown: break;
            }
        }
        if (unknown.Count > 0) return Empty(employee, date, WorkMode.Indeterminate, Ids(inForce), unknown);
        if (inForce.Count == 0) return Empty(employee, date, WorkMode.NotCovered, [], []);
        if (!Facts.Facts.Calendar.IsWorkingDay(date))
        {
            trace?.Add(new TraceEntry("", null, "day-off", $"{date:yyyy-MM-dd} ({date.DayOfWeek}) is not a working day in the calendar"));
            return Empty(employee, date, WorkMode.DayOff, Ids(inForce), []);
        }

        CircularOutcome? decided = null;
        foreach (var c in inForce)
        {
            var outcome = DecideWithin(c, s, trace);
            if (outcome.Mode == WorkMode.Indeterminate) unknown.AddRange(outcome.Unknown);
            else if (outcome.Mode != WorkMode.NotCovered) decided = outcome;
        }
        if (unknown.Count > 0) return Empty(employee, date, WorkMode.Indeterminate, Ids(inForce), unknown);
        if (decided is null) return Empty(employee, date, WorkMode.NotCovered, Ids(inForce), []);

        var provisions = new List<ProvisionRef>(decided.Provisions);
        var obligations = new List<ObligationResult>();
        AddObligations(decided.Circular, decided.Winner.Decl, date, obligations);
        foreach (var c in inForce)
        {
            foreach (var p in c.ObligationProvisions)
            {
                var during = p.Decl.During.IsDefaultOrEmpty ? WorkingModes : p.Decl.During.AsSpan().ToArray();
                if (Array.IndexOf(during, decided.Mode) < 0)
                {
                    trace?.Add(new TraceEntry(c.Decl.Id, p.Decl.Id, "not applicable", $"adds obligations only while {string.Join(" or ", during.Select(m => m.Word()))}"));
                    continue;
                }
                switch (Scoped(p, s, unknown))
                {
                    case Tri.True when AddObligations(c, p.Decl, date, obligations) > 0:
                        provisions.Add(new ProvisionRef(p.Decl.Id, c.Decl.Id, p.Cite));
                        trace?.Add(new TraceEntry(c.Decl.Id, p.Decl.Id, "adds", $"obligations while {decided.Mode.Word()}"));
                        break;
                    case Tri.True:
                        trace?.Add(new TraceEntry(c.Decl.Id, p.Decl.Id, "not applicable", $"its obligations are not due on a {date.DayOfWeek}"));
                        break;
                    case Tri.Unknown:
                        trace?.Add(new TraceEntry(c.Decl.Id, p.Decl.Id, "unknown", "whether its obligations apply depends on missing facts"));
                        break;
                    default:
                        trace?.Add(new TraceEntry(c.Decl.Id, p.Decl.Id, "no", "scope does not hold"));
                        break;
                }
            }
        }
        if (unknown.Count > 0) return Empty(employee, date, WorkMode.Indeterminate, Ids(inForce), unknown);

        PoolAssignment? pool = null;
        if (decided.Mode == WorkMode.Rotation && decided.Winner.Decl.Pool is { } pd)
        {
            var poolUnit = pd.Per == PoolPer.TopUnit ? s.TopUnit ?? s.Unit : s.Unit;
            pool = new PoolAssignment(pd.Group, poolUnit.Id, pd.Place, pd.Percent, pd.Rounding, pd.AtMost);
        }
        return new Decision(employee.Id, date, decided.Mode, Ids(inForce), [.. provisions], [.. obligations], pool, []);
    }

    private static Decision Empty(EmployeeFacts e, LocalDate date, WorkMode mode, ImmutableArray<string> circulars, List<string> unknown) =>
        new(e.Id, date, mode, circulars, [], [], null, [.. unknown.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);

    private static ImmutableArray<string> Ids(List<CompiledCircular> cs) => [.. cs.Select(c => c.Decl.Id)];

    private static Tri InForce(CompiledCircular c, EvalScope s, List<TraceEntry>? trace, List<string> unknown)
    {
        var id = c.Decl.Id;
        var period = c.Decl.Period;
        if (!c.Regions.Contains(s.Region))
        {
            trace?.Add(new TraceEntry(id, null, "not in force", $"region '{s.Region}' is not among {string.Join(", ", c.Decl.Regions)}"));
            return Tri.False;
        }
        if (s.Date < period.From || (period.To is { } to && s.Date > to))
        {
            trace?.Add(new TraceEntry(id, null, "not in force", $"{s.Date:yyyy-MM-dd} is outside its period {period.From:yyyy-MM-dd} to {(period.To is { } t ? t.ToString("yyyy-MM-dd", null) : "open")}"));
            return Tri.False;
        }
        if (c.Until is null)
        {
            trace?.Add(new TraceEntry(id, null, "in force", $"region '{s.Region}', period from {period.From:yyyy-MM-dd}"));
            return Tri.True;
        }
        return UntilNotReached(c, s, trace, unknown);
    }

    /// <summary>
    /// A period with an end condition ends the first day the condition holds. Status changes only
    /// on entry dates, so testing the start and each change point up to the date is exact.
    /// </summary>
    private static Tri UntilNotReached(CompiledCircular c, EvalScope s, List<TraceEntry>? trace, List<string> unknown)
    {
        var date = s.Date;
        var points = new List<LocalDate> { c.Decl.Period.From };
        if (s.Index.Facts.Regions.TryGetValue(s.Region, out var status))
        {
            foreach (var series in status.Series.Values)
            {
                foreach (var e in series)
                {
                    if (e.From > c.Decl.Period.From && e.From <= date) points.Add(e.From);
                }
            }
        }
        points.Sort();
        var result = Tri.False;
        var missing = new List<string>();
        foreach (var p in points)
        {
            s.Date = p;
            s.Missing = missing;
            var r = c.Until!(s);
            s.Missing = null;
            if (r == Tri.True)
            {
                s.Date = date;
                trace?.Add(new TraceEntry(c.Decl.Id, null, "not in force", $"its end condition held on {p:yyyy-MM-dd}"));
                return Tri.False;
            }
            if (r == Tri.Unknown) result = Tri.Unknown;
        }
        s.Date = date;
        if (result == Tri.Unknown)
        {
            unknown.AddRange(missing);
            trace?.Add(new TraceEntry(c.Decl.Id, null, "unknown", $"whether its end condition was reached depends on {string.Join(", ", missing.Distinct())}"));
            return Tri.Unknown;
        }
        trace?.Add(new TraceEntry(c.Decl.Id, null, "in force", $"region '{s.Region}', its end condition has not held since {c.Decl.Period.From:yyyy-MM-dd}"));
        return Tri.True;
    }

    private static Tri Scoped(CompiledProvision p, EvalScope s, List<string>? unknown)
    {
        var r = p.Scope(s);
        if (r == Tri.Unknown && unknown is not null)
        {
            s.Missing = unknown;
            p.Scope(s);
            s.Missing = null;
        }
        return r;
    }

    private sealed record CircularOutcome(CompiledCircular Circular, WorkMode Mode, CompiledProvision Winner, List<ProvisionRef> Provisions, List<string> Unknown);

    private static CircularOutcome DecideWithin(CompiledCircular c, EvalScope s, List<TraceEntry>? trace)
    {
        var ps = c.ModeProvisions;
        Span<Tri> results = ps.Length <= 64 ? stackalloc Tri[ps.Length] : new Tri[ps.Length];
        for (var i = 0; i < ps.Length; i++) results[i] = ps[i].Scope(s);

        CompiledProvision? winner = null;
        for (var i = 0; i < ps.Length && winner is null; i++)
        {
            if (results[i] == Tri.True && !DominatedByTrue(i, ps, results)) winner = ps[i];
        }

        var unknown = new List<string>();
        for (var i = 0; i < ps.Length; i++)
        {
            if (results[i] != Tri.Unknown || DominatedByTrue(i, ps, results)) continue;
            if (winner is not null && ps[i].SameEffect(winner)) continue;
            Scoped(ps[i], s, unknown);
            trace?.Add(new TraceEntry(c.Decl.Id, ps[i].Decl.Id, "unknown", $"would decide {ps[i].Decl.Mode!.Value.Word()} if it applied; depends on {string.Join(", ", unknown.Distinct())}"));
        }

        if (trace is not null) TraceProvisions(c, ps, results, winner, trace);
        if (unknown.Count > 0) return new CircularOutcome(c, WorkMode.Indeterminate, winner ?? ps[0], [], unknown);
        if (winner is null) return new CircularOutcome(c, WorkMode.NotCovered, ps.Length > 0 ? ps[0] : null!, [], unknown);

        var refs = new List<ProvisionRef> { new(winner.Decl.Id, c.Decl.Id, winner.Cite) };
        return new CircularOutcome(c, winner.Decl.Mode!.Value, winner, refs, unknown);
    }

    private static bool DominatedByTrue(int i, CompiledProvision[] ps, ReadOnlySpan<Tri> results)
    {
        for (var j = 0; j < ps.Length; j++)
        {
            if (j != i && results[j] == Tri.True && ps[j].Dominates[i]) return true;
        }
        return false;
    }

    private static void TraceProvisions(CompiledCircular c, CompiledProvision[] ps, ReadOnlySpan<Tri> results, CompiledProvision? winner, List<TraceEntry> trace)
    {
        for (var i = 0; i < ps.Length; i++)
        {
            var p = ps[i];
            var mode = p.Decl.Mode!.Value.Word();
            if (p == winner)
            {
                trace.Add(new TraceEntry(c.Decl.Id, p.Decl.Id, "applied", $"decides {mode} ({p.Cite})"));
            }
            else if (results[i] == Tri.True)
            {
                var by = new List<string>();
                for (var j = 0; j < ps.Length; j++)
                {
                    if (results[j] == Tri.True && ps[j].Dominates[i]) by.Add(ps[j].Decl.Id);
                }
                trace.Add(by.Count > 0
                    ? new TraceEntry(c.Decl.Id, p.Decl.Id, "overridden", $"would decide {mode}; overridden by {string.Join(", ", by)}, which is stated as its exception")
                    : new TraceEntry(c.Decl.Id, p.Decl.Id, "conflict", $"also applies with no stated priority (decides {mode}); 'check' reports this"));
            }
            else if (results[i] == Tri.False)
            {
                trace.Add(new TraceEntry(c.Decl.Id, p.Decl.Id, "not applicable", "its scope does not hold for this employee"));
            }
        }
    }

    /// <summary>An obligation with a <c>days</c> property (e.g. a Monday roll call) holds only on those weekdays.</summary>
    private static bool OnItsDays(ObligationDecl o, LocalDate date)
    {
        foreach (var prop in o.Properties)
        {
            if (prop.Key != "days") continue;
            var day = date.DayOfWeek.ToString()[..3].ToLowerInvariant();
            return prop.Value switch
            {
                CodeValue c => c.Code == day,
                CodeListValue l => l.Codes.Contains(day),
                _ => true,
            };
        }
        return true;
    }

    private static int AddObligations(CompiledCircular c, ProvisionDecl p, LocalDate date, List<ObligationResult> into)
    {
        var before = into.Count;
        foreach (var o in p.Obligations)
        {
            if (!OnItsDays(o, date)) continue;
            ImmutableArray<TimeWindow>? windows = null;
            var tolerance = o.Properties.Select(x => x.Value).OfType<DurationValue>().FirstOrDefault()?.Minutes ?? 0;
            var other = ImmutableArray.CreateBuilder<PropertyDecl>();
            foreach (var prop in o.Properties)
            {
                if (prop.Value is WindowsValue w)
                {
                    var list = windows?.ToBuilder() ?? ImmutableArray.CreateBuilder<TimeWindow>();
                    if (w.Days.Contains(date.DayOfWeek))
                    {
                        list.AddRange(w.Windows.Select(x => new TimeWindow(x.From.PlusMinutes(-tolerance), x.To.PlusMinutes(tolerance))));
                    }
                    windows = list.ToImmutable();
                }
                else
                {
                    other.Add(prop);
                }
            }
            into.Add(new ObligationResult(o.Kind, c.Decl.Id, p.Id, c.ZoneId, other.ToImmutable(), windows));
        }
        return into.Count - before;
    }
}
