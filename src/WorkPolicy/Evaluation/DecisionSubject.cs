using NodaTime;
using WorkPolicy.Facts;

namespace WorkPolicy.Evaluation;

/// <summary>
/// The subject of one evaluation: an employee row and a date. Reused across decisions so the hot
/// path allocates nothing; <see cref="Missing"/> is set only when the caller wants the paths of
/// unknown facts.
/// </summary>
internal sealed class DecisionSubject
{
    /// <summary>Creates a scope over indexed facts; <paramref name="results"/>: how many scope outcomes one circular writes at most.</summary>
    public DecisionSubject(FactIndex index, int results = 0)
    {
        Index = index;
        Results = new Tri[results];
    }

    /// <summary>Where a circular's compiled scopes write their outcomes (<see cref="CompiledCircular.EvaluateScopes"/>).</summary>
    public Tri[] Results { get; }

    /// <summary>The facts.</summary>
    public FactIndex Index { get; }

    /// <summary>The employee, or null when evaluating region status only.</summary>
    public EmployeeRow? Employee { get; private set; }

    // Unit, perangkat daerah and region are read through the employee, not copied: pointing the scope at an employee is
    // then one reference written, not four (each a GC write barrier, a tenth of a decision compiled to C#).

    /// <summary>The employee's unit.</summary>
    public UnitRow? Unit => Employee?.Unit;

    /// <summary>The employee's perangkat daerah.</summary>
    public UnitRow? TopUnit => Employee?.TopUnit;

    /// <summary>The region whose status is read: the employee's, or the one a region-only scope was pointed at.</summary>
    public string Region => Employee?.Region ?? _region;

    private string _region = "";

    /// <summary>The date.</summary>
    public LocalDate Date { get; set; }

    /// <summary>Where leaf tests record the paths of facts they lacked; null on the fast path.</summary>
    public List<string>? Missing { get; set; }

    /// <summary>
    /// Points a scope that has no employee at a region, to evaluate region status only (an end condition's timeline); a
    /// scope with an employee reads the employee's region, so it is refused there rather than silently ignored.
    /// </summary>
    public void SetRegion(string region)
    {
        if (Employee is not null) throw new InvalidOperationException("a scope pointed at an employee reads the employee's region");
        _region = region;
    }

    /// <summary>Points the scope at an employee.</summary>
    public void SetEmployee(EmployeeRow employee)
    {
        Employee = employee;
    }
}
