using NodaTime;
using WorkPolicy.Ast;
using WorkPolicy.Facts;

namespace WorkPolicy.Evaluation.Memo;

/// <summary>
/// The memo layer: answers as the plain <see cref="Evaluator"/> it wraps, remembering what the
/// plain walk answered for one employee of a decision key (<see cref="DecisionKey"/>) and giving it
/// to every other employee with that key in the same region on the same date. It never decides:
/// every remembered answer was first the plain walk's, and tests hold the two equal on generated
/// populations. Not thread-safe; one per thread.
/// </summary>
internal sealed class MemoizedEvaluator : IDecider
{
    private readonly Evaluator _plain;
    // Verdicts are per region and date: the plans hold them.
    private readonly RegionDateCache<DayMemo> _plans;
    private readonly Dictionary<string, DecisionKey?> _keys = new(StringComparer.Ordinal);
    // The keys of the regions by the facts' region numbers, so a batch finds them with one array read.
    private readonly DecisionKey?[] _keysByNumber;
    private readonly bool[] _keyMade;
    // Field keys per indexed row, plus one: 0 is "not yet".
    private readonly ulong[] _rowKeys;

    public MemoizedEvaluator(Evaluator plain)
    {
        _plain = plain;
        _rowKeys = new ulong[plain.Facts.Employees.Length];
        _keysByNumber = new DecisionKey?[plain.Facts.RegionCount];
        _keyMade = new bool[plain.Facts.RegionCount];
        _plans = new RegionDateCache<DayMemo>(plain.Facts.RegionCount, static (_, _) => new DayMemo());
    }

    /// <summary>The facts evaluated against.</summary>
    public FactIndex Facts => _plain.Facts;

    /// <summary>The decision for <paramref name="employee"/> of the facts on <paramref name="date"/>.</summary>
    public Decision Decide(EmployeeFacts employee, LocalDate date) => Decide(Facts.Row(employee), date);

    /// <summary>The rotation pool of a verdict, without building the whole decision.</summary>
    public PoolAssignment? PoolOf(EmployeeRow employee, LocalDate date, Verdict verdict) => _plain.PoolOf(employee, date, verdict);

    /// <summary>Whether the pool prefers the employee for office days (see <see cref="Evaluator.Preferred"/>).</summary>
    public Tri Preferred(EmployeeRow employee, LocalDate date, Verdict verdict) => _plain.Preferred(employee, date, verdict);

    /// <inheritdoc/>
    public bool HasQuotaBase(Verdict poolVerdict) => _plain.HasQuotaBase(poolVerdict);

    /// <inheritdoc/>
    public Tri InQuotaBase(EmployeeRow candidate, LocalDate date, Verdict poolVerdict, string unit) => _plain.InQuotaBase(candidate, date, poolVerdict, unit);

    /// <summary>The same verdict as <see cref="Evaluator.Classify"/>.</summary>
    public Verdict Classify(EmployeeRow employee, LocalDate date)
    {
        if (!TryKey(employee, date, out var plan, out var key)) return _plain.Classify(employee, date);
        if (plan.Verdicts.TryGet(key, out var known)) return known;
        var verdict = _plain.Classify(employee, date);
        plan.Verdicts.Add(key, verdict);
        return verdict;
    }

    /// <summary>The same decision as <see cref="Evaluator.Decide(EmployeeRow, LocalDate)"/> (without a trace).</summary>
    public Decision Decide(EmployeeRow employee, LocalDate date)
    {
        if (!TryKey(employee, date, out var plan, out var key)) return _plain.Decide(employee, date);
        if (!plan.Verdicts.TryGet(key, out var verdict))
        {
            verdict = _plain.Classify(employee, date);
            plan.Verdicts.Add(key, verdict);
        }
        // An indeterminate decision names the employee in the facts it needs: nothing to share.
        if (verdict.Mode == WorkMode.Indeterminate) return _plain.Decide(employee, date);
        // The details of the first employee of the key, as the plain walk assembled them, serve every other; that
        // employee's own decision is the plain walk's, returned as it is.
        if (!plan.Details.TryGetValue(key, out var details))
        {
            var first = _plain.Decide(employee, date);
            plan.Details[key] = first.Shared!;
            return first;
        }
        // A pending obligation names the employee in the facts it lacks: nothing to share but the verdict.
        if (details.HasPending) return _plain.Decide(employee, date);
        return DecisionAssembly.Assemble(employee.Id, date, verdict, details, _plain.PoolOf(employee, date, verdict), []);
    }

    /// <summary>The plan of the employee's region and date and the employee's key there; false when the employee has none.</summary>
    private bool TryKey(EmployeeRow employee, LocalDate date, out DayMemo plan, out ulong key)
    {
        plan = null!;
        key = 0;
        // Without a unit the walk stops before any condition: nothing a key could tell apart.
        if (employee.Unit is null || KeyOf(employee) is not { } regionKey) return false;
        var fields = FieldKey(employee, regionKey);
        plan = _plans.Get(employee, date);
        key = regionKey.HasIncidents ? regionKey.WithIncidents(fields, _plain.Point(employee, date)) : fields;
        return true;
    }

    private DecisionKey? KeyOf(EmployeeRow employee)
    {
        var n = employee.RegionNumber;
        if ((uint)n < (uint)_keyMade.Length && _keyMade[n]) return _keysByNumber[n];
        if (!_keys.TryGetValue(employee.Region, out var key)) _keys[employee.Region] = key = _plain.Rules.KeyFor(employee.Region);
        if ((uint)n < (uint)_keyMade.Length)
        {
            _keysByNumber[n] = key;
            _keyMade[n] = true;
        }
        return key;
    }

    /// <summary>The employee's part of the key: computed once per indexed row (facts do not change).</summary>
    private ulong FieldKey(EmployeeRow e, DecisionKey regionKey)
    {
        var n = e.Number;
        var indexed = (uint)n < (uint)_rowKeys.Length && ReferenceEquals(_plain.Facts.Employees[n], e);
        if (indexed && _rowKeys[n] is var stored and not 0) return stored - 1;
        var key = regionKey.OfFields(_plain.Point(e, default));
        if (indexed) _rowKeys[n] = key + 1;
        return key;
    }
}
