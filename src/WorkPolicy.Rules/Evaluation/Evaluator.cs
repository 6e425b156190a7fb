using NodaTime;
using WorkPolicy.Rules.Ast;
using WorkPolicy.Rules.Facts;

namespace WorkPolicy.Rules.Evaluation;

/// <summary>
/// Decides work mode, obligations and pool for employees on dates. Not thread-safe: it reuses a
/// scope between decisions; use one per thread (see <see cref="BatchEvaluator"/>).
/// </summary>
/// <remarks>
/// <see cref="Classify"/> is the hot path: compiled delegates over slot arrays, no allocation.
/// <see cref="Decide(EmployeeRow, LocalDate, List{TraceEntry})"/> adds the details (provisions,
/// obligations, pool) and, for an indeterminate answer or a trace, re-runs the rules recording
/// which facts were missing and why each provision did or did not count.
/// </remarks>
public sealed partial class Evaluator
{
    private static readonly WorkMode[] WorkingModes = [WorkMode.Office, WorkMode.Home, WorkMode.Rotation, WorkMode.Optional];
    private readonly CompiledRuleSet _rules;
    private readonly EvalScope _scope;
    private readonly Dictionary<(int Circular, string Region), InForceTimeline> _timelines = [];

    /// <summary>An evaluator of <paramref name="rules"/> over <paramref name="facts"/>.</summary>
    public Evaluator(CompiledRuleSet rules, FactIndex facts)
    {
        _rules = rules;
        _scope = new EvalScope(facts);
    }

    /// <summary>The facts evaluated against.</summary>
    public FactIndex Facts => _scope.Index;

    /// <summary>The compiled rules.</summary>
    public CompiledRuleSet Rules => _rules;

    /// <summary>The decision for <paramref name="employee"/> on <paramref name="date"/>; pass a list to get the trace.</summary>
    public Decision Decide(EmployeeFacts employee, LocalDate date, List<TraceEntry>? trace = null) =>
        Decide(Facts.Row(employee), date, trace);

    /// <summary>The decision for an indexed employee on <paramref name="date"/>; pass a list to get the trace.</summary>
    public Decision Decide(EmployeeRow employee, LocalDate date, List<TraceEntry>? trace = null)
    {
        if (trace is not null) return Explain(employee, date, trace);
        var verdict = Classify(employee, date);
        return verdict.Mode == WorkMode.Indeterminate ? Explain(employee, date, null) : Materialize(employee, date, verdict);
    }

    /// <summary>
    /// Whether <see cref="Classify"/> remembers verdicts by decision key (see <see cref="KeyDimension"/>);
    /// on by default. Off, every decision runs the compiled provisions in full.
    /// </summary>
    public bool Memoize { get; init; } = true;

    /// <summary>The mode and deciding provision only, without allocating: the batch path.</summary>
    public Verdict Classify(EmployeeRow employee, LocalDate date)
    {
        _lastKeyed = null;
        if (employee.Unit is null) return Verdict.Of(WorkMode.Indeterminate);
        // The scope is pointed at the employee only when something runs over it: a remembered verdict needs no scope.
        if (!Memoize || PlanFor(employee, date) is not { } plan) return ClassifyInFull(Point(employee, date));
        if (plan.Fixed is { } everyone)
        {
            // One answer for the whole region and day: its details are shared under key 0.
            _lastKeyed = (plan, 0);
            return everyone;
        }
        if (plan.Incidents is not { } incidents || !TryFieldKey(employee, date, out var k)) return ClassifyWithin(plan.InForce, Point(employee, date));
        if (!incidents.IsEmpty)
        {
            if (!incidents.TryCompute(Point(employee, date), out var ik)) return ClassifyWithin(plan.InForce, _scope);
            k |= ik << plan.FieldBits;
        }
        _lastKeyed = (plan, k);
        if (plan.Verdicts.TryGet(k, out var known)) return known;
        var verdict = ClassifyWithin(plan.InForce, Point(employee, date));
        plan.Verdicts.Add(k, verdict);
        return verdict;
    }

    /// <summary>The plan and key of the last verdict <see cref="Classify"/> gave from a plan, so the details can be shared too.</summary>
    private (DayPlan Plan, ulong Key)? _lastKeyed;

    /// <summary>The scope, pointed at <paramref name="employee"/> on <paramref name="date"/>, recording nothing.</summary>
    private EvalScope Point(EmployeeRow employee, LocalDate date)
    {
        var s = _scope;
        s.SetEmployee(employee);
        s.Date = date;
        s.Missing = null;
        return s;
    }

    /// <summary>The verdict when it is the same for everyone in the scope's region on its date, else null.</summary>
    private Verdict? ForEveryone(Span<bool> inForce, EvalScope s)
    {
        var circulars = _rules.Circulars;
        var inRegion = RegionCirculars(s.Region);
        var any = false;
        for (var i = 0; i < circulars.Length; i++)
        {
            var t = inRegion[i] ? InForceInRegion(i, s) : Tri.False;
            if (t == Tri.Unknown) return Verdict.Of(WorkMode.Indeterminate);
            inForce[i] = t == Tri.True;
            any |= inForce[i];
        }
        if (!any) return Verdict.Of(WorkMode.NotCovered);
        if (!s.Index.IsWorkingDay(s.Date)) return Verdict.Of(WorkMode.DayOff);
        return null;
    }

    private Verdict ClassifyInFull(EvalScope s)
    {
        var n = _rules.Circulars.Length;
        Span<bool> inForce = n <= MaxStackCirculars ? stackalloc bool[n] : new bool[n];
        return ForEveryone(inForce, s) ?? ClassifyWithin(inForce, s);
    }

    /// <summary>The provisions' verdict among the circulars in force.</summary>
    private Verdict ClassifyWithin(ReadOnlySpan<bool> inForce, EvalScope s)
    {
        var circulars = _rules.Circulars;
        var decided = Verdict.Of(WorkMode.NotCovered);
        for (var i = 0; i < circulars.Length; i++)
        {
            if (!inForce[i]) continue;
            var (winner, unknown) = Winner(circulars[i], s);
            if (unknown) return Verdict.Of(WorkMode.Indeterminate);
            if (winner >= 0) decided = new Verdict(circulars[i].ModeProvisions[winner].Decl.Mode!.Value, (short)i, (short)winner);
        }
        if (decided.Provision < 0) return decided;
        for (var i = 0; i < circulars.Length; i++)
        {
            if (!inForce[i]) continue;
            foreach (var p in circulars[i].ObligationProvisions)
            {
                if (AppliesDuring(p, decided.Mode) && p.Scope(s) == Tri.Unknown) return Verdict.Of(WorkMode.Indeterminate);
            }
        }
        return decided;
    }

    private ulong[] _rowKeys = [];
    private DecisionKey?[] _regionKeys = [];
    private bool[] _regionKeysMade = [];

    /// <summary>
    /// The key of the employee's fields: computed once per indexed row (facts do not change), kept
    /// plus one so 0 means "not yet" and <see cref="ulong.MaxValue"/> "cannot be keyed".
    /// </summary>
    private bool TryFieldKey(EmployeeRow e, LocalDate date, out ulong key)
    {
        var n = e.Number;
        var indexed = n >= 0 && n < Facts.Employees.Length && ReferenceEquals(Facts.Employees[n], e);
        if (indexed)
        {
            if (_rowKeys.Length == 0) _rowKeys = new ulong[Facts.Employees.Length];
            var stored = _rowKeys[n];
            if (stored != 0)
            {
                key = stored - 1;
                return stored != ulong.MaxValue;
            }
        }
        key = 0;
        var ok = RegionKey(e.RegionNumber, e.Region) is { } regionKey && regionKey.TryCompute(Point(e, date), out key);
        if (indexed) _rowKeys[n] = ok ? key + 1 : ulong.MaxValue;
        return ok;
    }

    /// <summary>The field key of the circulars that name a region, made on first use.</summary>
    private DecisionKey? RegionKey(int number, string region)
    {
        if (_regionKeys.Length == 0)
        {
            _regionKeys = new DecisionKey?[Facts.RegionCount];
            _regionKeysMade = new bool[Facts.RegionCount];
        }
        if (_regionKeysMade[number]) return _regionKeys[number];
        _regionKeysMade[number] = true;
        return _regionKeys[number] = DecisionKey.OfFields(_rules.Circulars.Where(c => c.Regions.Contains(region)));
    }

    private const int MaxPlans = 4096;
    private LocalDate _planDate;
    private DayPlan?[] _plansOfDate = [];
    private readonly Dictionary<(int Region, LocalDate Date), DayPlan> _plans = [];

    /// <summary>The plan of a region and date; plans of the current date sit in an array indexed by region number.</summary>
    private DayPlan? PlanFor(EmployeeRow employee, LocalDate date)
    {
        var region = employee.RegionNumber;
        if (region < 0) return null;
        if (date != _planDate || _plansOfDate.Length == 0)
        {
            if (_plansOfDate.Length == 0) _plansOfDate = new DayPlan?[Facts.RegionCount];
            else Array.Clear(_plansOfDate);
            _planDate = date;
        }
        if ((uint)region >= (uint)_plansOfDate.Length) return null;
        if (_plansOfDate[region] is { } today) return today;
        if (!_plans.TryGetValue((region, date), out var plan))
        {
            // A long range of dates would keep a plan (and its verdicts) per region and day for good:
            // past the cap they are dropped and made again when needed.
            if (_plans.Count >= MaxPlans) _plans.Clear();
            var inForce = new bool[_rules.Circulars.Length];
            plan = ForEveryone(inForce, Point(employee, date)) is { } v
                ? DayPlan.Everyone(v)
                : DayPlan.PerEmployee(inForce, _rules, RegionKey(region, employee.Region)?.Bits ?? -1);
            _plans[(region, date)] = plan;
        }
        return _plansOfDate[region] = plan;
    }

    private const int MaxStackCirculars = 64;
    private string? _lastRegion;
    private bool[] _lastRegionCirculars = [];
    private readonly Dictionary<string, bool[]> _regionCirculars = new(StringComparer.Ordinal);

    /// <summary>Which circulars name a region; employees of one unit share the region string, so the last answer is kept.</summary>
    private bool[] RegionCirculars(string region)
    {
        if (ReferenceEquals(region, _lastRegion)) return _lastRegionCirculars;
        if (!_regionCirculars.TryGetValue(region, out var flags)) _regionCirculars[region] = flags = Flags(_rules, region);
        _lastRegion = region;
        _lastRegionCirculars = flags;
        return flags;
    }

    // Kept apart so the lambda's closure is allocated only on a cache miss, not on every call.
    private static bool[] Flags(CompiledRuleSet rules, string region) => [.. rules.Circulars.Select(c => c.Regions.Contains(region))];

    private Tri InForce(int index, EvalScope s) => _rules.Circulars[index].Regions.Contains(s.Region) ? InForceInRegion(index, s) : Tri.False;

    /// <summary>Whether a circular that names the scope's region is in force on its date.</summary>
    private Tri InForceInRegion(int index, EvalScope s)
    {
        var c = _rules.Circulars[index];
        var period = c.Decl.Period;
        if (s.Date < period.From || (period.To is { } to && s.Date > to)) return Tri.False;
        if (c.Until is null) return Tri.True;
        if (!_timelines.TryGetValue((index, s.Region), out var timeline))
            _timelines[(index, s.Region)] = timeline = InForceTimeline.Compute(c, s);
        return timeline.At(s.Date);
    }

    /// <summary>The first applicable provision no applicable one overrides, and whether an unknown one could change that.</summary>
    private static (int Winner, bool Unknown) Winner(CompiledCircular c, EvalScope s)
    {
        var ps = c.ModeProvisions;
        Span<Tri> results = ps.Length <= 128 ? stackalloc Tri[ps.Length] : new Tri[ps.Length];
        for (var i = 0; i < ps.Length; i++) results[i] = ps[i].Scope(s);
        var winner = WinnerOf(ps, results);
        for (var i = 0; i < ps.Length; i++)
        {
            if (CouldChange(i, winner, ps, results)) return (winner, true);
        }
        return (winner, false);
    }

    /// <summary>The first provision that applies and that no applicable provision overrides, or -1.</summary>
    private static int WinnerOf(CompiledProvision[] ps, ReadOnlySpan<Tri> results)
    {
        for (var i = 0; i < ps.Length; i++)
        {
            if (results[i] == Tri.True && !DominatedByTrue(i, ps, results)) return i;
        }
        return -1;
    }

    /// <summary>Whether provision <paramref name="i"/>, whose scope is unknown, would change the outcome if it applied.</summary>
    private static bool CouldChange(int i, int winner, CompiledProvision[] ps, ReadOnlySpan<Tri> results) =>
        results[i] == Tri.Unknown && !DominatedByTrue(i, ps, results) && (winner < 0 || !ps[i].SameEffect(ps[winner]));

    private static bool DominatedByTrue(int i, CompiledProvision[] ps, ReadOnlySpan<Tri> results)
    {
        foreach (var j in ps[i].DominatedBy)
        {
            if (results[j] == Tri.True) return true;
        }
        return false;
    }

    private static bool AppliesDuring(CompiledProvision p, WorkMode mode) =>
        p.Decl.During.IsDefaultOrEmpty ? Array.IndexOf(WorkingModes, mode) >= 0 : p.Decl.During.Contains(mode);
}
