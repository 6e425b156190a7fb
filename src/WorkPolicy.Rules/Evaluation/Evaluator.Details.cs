using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Rules.Ast;
using WorkPolicy.Rules.Facts;

namespace WorkPolicy.Rules.Evaluation;

public sealed partial class Evaluator
{
    /// <summary>The details of a determinate verdict: in-force circulars, provisions, obligations and pool.</summary>
    private Decision Materialize(EmployeeRow row, LocalDate date, Verdict verdict)
    {
        // Employees with one key share everything but their id and pool, so the day plan keeps the details per key.
        DecisionDetails details;
        if (_lastKeyed is { } keyed)
        {
            if (!keyed.Plan.Details.TryGetValue(keyed.Key, out details!)) keyed.Plan.Details[keyed.Key] = details = Details(row, date, verdict);
        }
        else details = Details(row, date, verdict);
        _lastKeyed = null;
        var s = _scope;
        s.SetEmployee(row);
        var pool = verdict.Provision < 0 ? null : Pool(_rules.Circulars[verdict.Circular].ModeProvisions[verdict.Provision].Decl, s);
        return new Decision(row.Facts.Id, date, verdict.Mode, details.Circulars, details.Provisions, details.Obligations, pool, []);
    }

    private DecisionDetails Details(EmployeeRow row, LocalDate date, Verdict verdict)
    {
        var s = _scope;
        s.SetEmployee(row);
        s.Date = date;
        var inForce = new List<CompiledCircular>();
        for (var i = 0; i < _rules.Circulars.Length; i++)
        {
            if (InForce(i, s) == Tri.True) inForce.Add(_rules.Circulars[i]);
        }
        if (verdict.Provision < 0) return new DecisionDetails(Ids(inForce), [], []);
        var circular = _rules.Circulars[verdict.Circular];
        var winner = circular.ModeProvisions[verdict.Provision];
        var provisions = new List<ProvisionRef> { new(winner.Decl.Id, circular.Decl.Id, winner.Cite) };
        var obligations = new List<ObligationResult>();
        AddObligations(circular, winner.Decl, date, obligations);
        foreach (var c in inForce)
        {
            foreach (var p in c.ObligationProvisions)
            {
                if (AppliesDuring(p, verdict.Mode) && p.Scope(s) == Tri.True && AddObligations(c, p.Decl, date, obligations) > 0)
                    provisions.Add(new ProvisionRef(p.Decl.Id, c.Decl.Id, p.Cite));
            }
        }
        return new DecisionDetails(Ids(inForce), [.. provisions], [.. obligations]);
    }

    /// <summary>The rotation pool of a verdict, without building the whole decision.</summary>
    public PoolAssignment? PoolOf(EmployeeRow row, Verdict verdict)
    {
        if (verdict.Provision < 0) return null;
        _scope.SetEmployee(row);
        return Pool(_rules.Circulars[verdict.Circular].ModeProvisions[verdict.Provision].Decl, _scope);
    }

    private static PoolAssignment? Pool(ProvisionDecl winner, EvalScope s)
    {
        if (winner.Mode != WorkMode.Rotation || winner.Pool is not { } pd) return null;
        var unit = pd.Per == PoolPer.TopUnit ? s.TopUnit ?? s.Unit : s.Unit;
        return new PoolAssignment(pd.Group, unit!.Facts.Id, pd.Place, pd.Percent, pd.Rounding, pd.AtMost);
    }

    /// <summary>
    /// The slow path: the decision with every unknown fact path and, when asked, the trace of every
    /// circular and provision considered.
    /// </summary>
    private Decision Explain(EmployeeRow row, LocalDate date, List<TraceEntry>? trace)
    {
        var employee = row.Facts;
        var s = _scope;
        s.SetEmployee(row);
        s.Date = date;
        s.Missing = null;
        if (s.Unit is null)
        {
            trace?.Add(new TraceEntry("", null, "unknown", $"unit '{employee.Unit}' is not in the facts"));
            return Empty(employee, date, WorkMode.Indeterminate, [], [$"units[{employee.Unit}]"]);
        }

        var inForce = new List<CompiledCircular>();
        var unknown = new List<string>();
        for (var i = 0; i < _rules.Circulars.Length; i++)
        {
            var c = _rules.Circulars[i];
            switch (InForceExplained(i, s, trace, unknown))
            {
                case Tri.True: inForce.Add(c); break;
                case Tri.Unknown: break;
            }
        }
        if (unknown.Count > 0) return Empty(employee, date, WorkMode.Indeterminate, Ids(inForce), unknown);
        if (inForce.Count == 0) return Empty(employee, date, WorkMode.NotCovered, [], []);
        if (!Facts.IsWorkingDay(date))
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

        var provisions = new List<ProvisionRef> { new(decided.Winner.Decl.Id, decided.Circular.Decl.Id, decided.Winner.Cite) };
        var obligations = new List<ObligationResult>();
        AddObligations(decided.Circular, decided.Winner.Decl, date, obligations);
        foreach (var c in inForce)
        {
            foreach (var p in c.ObligationProvisions)
            {
                if (!AppliesDuring(p, decided.Mode))
                {
                    var during = p.Decl.During.IsDefaultOrEmpty ? WorkingModes : p.Decl.During.AsSpan().ToArray();
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

        return new Decision(employee.Id, date, decided.Mode, Ids(inForce), [.. provisions], [.. obligations], Pool(decided.Winner.Decl, s), []);
    }

    private static Decision Empty(EmployeeFacts e, LocalDate date, WorkMode mode, ImmutableArray<string> circulars, List<string> unknown) =>
        new(e.Id, date, mode, circulars, [], [], null, [.. unknown.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);

    private static ImmutableArray<string> Ids(List<CompiledCircular> cs) => [.. cs.Select(c => c.Decl.Id)];

    private Tri InForceExplained(int index, EvalScope s, List<TraceEntry>? trace, List<string> unknown)
    {
        var c = _rules.Circulars[index];
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
        var r = InForce(index, s);
        if (c.Until is null)
        {
            trace?.Add(new TraceEntry(id, null, "in force", $"region '{s.Region}', period from {period.From:yyyy-MM-dd}"));
            return r;
        }
        var timeline = _timelines[(index, s.Region)];
        switch (r)
        {
            case Tri.False:
                trace?.Add(new TraceEntry(id, null, "not in force", $"its end condition held on {timeline.EndsOn:yyyy-MM-dd}"));
                break;
            case Tri.Unknown:
                unknown.AddRange(timeline.Missing);
                trace?.Add(new TraceEntry(id, null, "unknown", $"whether its end condition was reached depends on {string.Join(", ", timeline.Missing.Distinct())}"));
                break;
            default:
                trace?.Add(new TraceEntry(id, null, "in force", $"region '{s.Region}', its end condition has not held since {period.From:yyyy-MM-dd}"));
                break;
        }
        return r;
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

    private sealed record CircularOutcome(CompiledCircular Circular, WorkMode Mode, CompiledProvision Winner, List<string> Unknown);

    private static CircularOutcome DecideWithin(CompiledCircular c, EvalScope s, List<TraceEntry>? trace)
    {
        var ps = c.ModeProvisions;
        Span<Tri> results = ps.Length <= 64 ? stackalloc Tri[ps.Length] : new Tri[ps.Length];
        for (var i = 0; i < ps.Length; i++) results[i] = ps[i].Scope(s);

        var index = WinnerOf(ps, results);
        var winner = index >= 0 ? ps[index] : null;

        var unknown = new List<string>();
        for (var i = 0; i < ps.Length; i++)
        {
            if (!CouldChange(i, index, ps, results)) continue;
            Scoped(ps[i], s, unknown);
            trace?.Add(new TraceEntry(c.Decl.Id, ps[i].Decl.Id, "unknown", $"would decide {ps[i].Decl.Mode!.Value.Word()} if it applied; depends on {string.Join(", ", unknown.Distinct())}"));
        }

        if (trace is not null) TraceProvisions(c, ps, results, winner, trace);
        if (unknown.Count > 0) return new CircularOutcome(c, WorkMode.Indeterminate, winner ?? ps[0], unknown);
        return winner is null
            ? new CircularOutcome(c, WorkMode.NotCovered, ps.Length > 0 ? ps[0] : null!, unknown)
            : new CircularOutcome(c, winner.Decl.Mode!.Value, winner, unknown);
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
