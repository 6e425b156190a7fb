using NodaTime;
using WorkPolicy.Facts;

namespace WorkPolicy.Evaluation;

/// <summary>
/// The plain evaluator: every answer is one <see cref="DecisionWalk"/> over the employee, observed
/// by nothing (<see cref="Classify"/>) or by a <see cref="Recorder"/> (<see cref="Decide(EmployeeRow, LocalDate, List{TraceEntry})"/>). Not
/// thread-safe (it reuses one scope); use one per thread. The memo layer
/// (<see cref="Memo.MemoizedEvaluator"/>) wraps it and answers the same.
/// </summary>
internal sealed class Evaluator : IDecider
{
    private readonly DecisionSubject _scope;
    private readonly RegionDateCache<DayContext> _days;

    public Evaluator(CompiledRules rules, FactIndex facts)
    {
        Rules = rules;
        Facts = facts;
        _scope = new DecisionSubject(facts, rules.MostScopes);
        var timelines = new TimelineCache();
        _days = new RegionDateCache<DayContext>(facts.RegionCount, (region, date) => DayContext.For(rules, facts, region, date, timelines));
    }

    /// <summary>The compiled rules.</summary>
    public CompiledRules Rules { get; }

    /// <summary>The facts evaluated against.</summary>
    public FactIndex Facts { get; }

    /// <summary>The mode and deciding provision only, without allocating: the batch path.</summary>
    public Verdict Classify(EmployeeRow employee, LocalDate date)
    {
        var observer = default(NoObserver);
        return DecisionWalk.Run(Rules, Day(employee, date), Point(employee, date), ref observer);
    }

    /// <inheritdoc/>
    public Decision Decide(EmployeeRow employee, LocalDate date) => Decide(employee, date, null);

    /// <summary>The whole decision; pass a list to get the trace of every circular and provision considered.</summary>
    public Decision Decide(EmployeeRow employee, LocalDate date, List<TraceEntry>? trace)
    {
        var recorder = new Recorder(trace, Rules.Model);
        var day = Day(employee, date);
        var s = Point(employee, date);
        var verdict = DecisionWalk.Run(Rules, day, s, ref recorder);
        return recorder.Decision(verdict, day, s);
    }

    /// <summary>One walk watched by <paramref name="observer"/> (coverage, analysis): the same walk as every other answer.</summary>
    public Verdict Observe<TObserver>(EmployeeRow employee, LocalDate date, ref TObserver observer)
        where TObserver : IWalkObserver =>
        DecisionWalk.Run(Rules, Day(employee, date), Point(employee, date), ref observer);

    /// <summary>The rotation pool of a verdict for <paramref name="employee"/>, without building the whole decision.</summary>
    public PoolAssignment? PoolOf(EmployeeRow employee, LocalDate date, Verdict verdict)
    {
        if (!verdict.Decided) return null;
        return PoolShare.Of(Rules.Circulars[verdict.Circular].Deciding[verdict.Provision], Point(employee, date));
    }

    /// <summary>Whether the rotation pool of <paramref name="verdict"/> prefers <paramref name="employee"/> for office days (true when it prefers nobody).</summary>
    public Tri Preferred(EmployeeRow employee, LocalDate date, Verdict verdict) =>
        !verdict.Decided ? Tri.True : Rules.Circulars[verdict.Circular].Deciding[verdict.Provision].Prefer(Point(employee, date));

    /// <inheritdoc/>
    public bool HasQuotaBase(Verdict poolVerdict) =>
        poolVerdict.Decided && Rules.Circulars[poolVerdict.Circular].Deciding[poolVerdict.Provision].Model.QuotaBase is not null;

    /// <inheritdoc/>
    public Tri InQuotaBase(EmployeeRow candidate, LocalDate date, Verdict poolVerdict, string unit)
    {
        var provision = Rules.Circulars[poolVerdict.Circular].Deciding[poolVerdict.Provision];
        if (provision.Model.Pool is not { } pool) return Tri.False;
        var counted = pool.Per == Ast.PoolPer.TopUnit ? candidate.TopUnit ?? candidate.Unit : candidate.Unit;
        return counted?.Facts.Id != unit ? Tri.False : provision.InQuotaBase(Point(candidate, date));
    }

    /// <summary>The day context of the employee's region on <paramref name="date"/>.</summary>
    public DayContext Day(EmployeeRow employee, LocalDate date) => _days.Get(employee, date);

    /// <summary>The scope, pointed at <paramref name="employee"/> on <paramref name="date"/>, recording nothing.</summary>
    internal DecisionSubject Point(EmployeeRow employee, LocalDate date)
    {
        var s = _scope;
        s.SetEmployee(employee);
        s.Date = date;
        s.Missing = null;
        return s;
    }
}
