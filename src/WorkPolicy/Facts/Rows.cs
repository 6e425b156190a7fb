namespace WorkPolicy.Facts;

/// <summary>A unit laid out for evaluation: its facts and its fields by slot.</summary>
internal sealed class UnitRow(UnitFacts facts, FactValue?[] slots)
{
    /// <summary>The unit's facts.</summary>
    public UnitFacts Facts { get; } = facts;

    /// <summary>Field values by the rule model's slot (<see cref="Model.FieldLayout"/>).</summary>
    public FactValue?[] Slots { get; } = slots;

    /// <summary>The incidents in this unit (most units have none, so an incident test usually reads one empty array).</summary>
    public Incident[] Incidents { get; init; } = [];

    /// <summary>For a perangkat daerah (a top unit): the incidents of every unit under it, itself included.</summary>
    public Incident[] SubtreeIncidents { get; set; } = [];

    /// <summary>Per ranked field (<see cref="Model.FieldLayout.Ranked"/>): the levels this unit's own employees hold.</summary>
    public UnitLevels[] Levels { get; set; } = [];

    /// <summary>For a perangkat daerah: the levels the employees of every unit under it hold, its own included.</summary>
    public UnitLevels[] SubtreeLevels { get; set; } = [];
}

/// <summary>
/// The levels of a ranked field the employees of a unit hold: a bit per level held (bit 0 the highest), how many
/// employees' level is unknown, and the first of them (the fact that would settle a rank that depends on it).
/// </summary>
internal struct UnitLevels
{
    public ulong Held;
    public int Unknown;
    public string? FirstUnknown;

    public void Add(int? level, string employee)
    {
        if (level is not { } l)
        {
            Unknown++;
            FirstUnknown ??= employee;
        }
        else if (l is >= 0 and < 64) Held |= 1UL << l;
    }
}

/// <summary>An employee laid out for evaluation, with their unit, perangkat daerah and region resolved once.</summary>
internal sealed class EmployeeRow(EmployeeFacts facts, FactValue?[] slots, UnitRow? unit, UnitRow? topUnit)
{
    /// <summary>The employee's facts.</summary>
    public EmployeeFacts Facts { get; } = facts;

    /// <summary>
    /// The employee's id (equal to <see cref="EmployeeFacts.Id"/>), held here too: a decision names its employee, and
    /// reading it through <see cref="Facts"/> is one more object to fetch — a cache miss an employee when an app asks
    /// each of 100,000 in turn. An index sets the copy it finds rows by (<see cref="FactIndex"/>).
    /// </summary>
    public string Id { get; init; } = facts.Id;

    /// <summary>Field values by the rule model's slot (<see cref="Model.FieldLayout"/>).</summary>
    public FactValue?[] Slots { get; } = slots;

    /// <summary>The employee's unit, or null when the facts do not have it.</summary>
    public UnitRow? Unit { get; } = unit;

    /// <summary>The root of the unit's parent chain.</summary>
    public UnitRow? TopUnit { get; } = topUnit;

    /// <summary>The unit's region id, or empty.</summary>
    public string Region { get; } = unit?.Facts.Region ?? "";

    /// <summary>The region's number in its <see cref="FactIndex"/>, or -1 when the row was not laid out by one.</summary>
    public int RegionNumber { get; init; } = -1;

    /// <summary>The row's position in <see cref="FactIndex.Employees"/>, or -1 when the row was not laid out by one.</summary>
    public int Number { get; init; } = -1;

    /// <summary>
    /// For a synthetic employee of the residual (<see cref="Querying.ResidualBuilder"/>) only: the outcome each rank
    /// test is to have, the unit's other employees being what a database holds, not facts. Null for every real row.
    /// </summary>
    public IReadOnlyDictionary<Model.RankCondition, Evaluation.Tri>? RankOutcomes { get; init; }
}
