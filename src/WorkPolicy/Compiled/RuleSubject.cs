using System.Runtime.CompilerServices;
using NodaTime;
using WorkPolicy.Evaluation;
using WorkPolicy.Model;
using Ops = WorkPolicy.Evaluation.ConditionCompiler.Ops;

namespace WorkPolicy.Compiled;

/// <summary>
/// What rules compiled to C# read: one employee on one date, as the engine points them (a value passed by the engine's
/// walk to <see cref="CompiledRuleSet"/>; never made by hand). Slots, series and leaf numbers are those of the rule set
/// the code was generated from; the engine checks that before it uses the code (<see cref="CompiledRuleSet.Identity"/>).
/// </summary>
/// <example>
/// What the generated code does with it, for <c>employee.employment in { pns, pppk }</c> (codes 5 and 6, leaf 0):
/// <code>
/// var f = s.Employee(2);
/// if (f.IsCode(out var n)) return (n is 5 or 6) ? True : False;
/// if (f.IsAbsent) return Unknown;
/// return s.Leaf(0);
/// </code>
/// </example>
public readonly struct RuleSubject
{
    private readonly DecisionSubject _s;
    private readonly Condition[] _leaves;
    // The rows' slots, read once here: a leaf then costs one array read (the code reads many leaves a decision).
    private readonly Facts.FactValue?[] _employee;
    private readonly Facts.FactValue?[]? _unit;
    private readonly Facts.FactValue?[]? _top;

    internal RuleSubject(DecisionSubject s, Condition[] leaves)
    {
        _s = s;
        _leaves = leaves;
        _employee = s.Employee?.Slots ?? [];
        _unit = s.Unit?.Slots;
        _top = s.TopUnit?.Slots;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Fact Slot(Facts.FactValue?[]? slots, int slot) => new(slots is not null && (uint)slot < (uint)slots.Length ? slots[slot] : null);

    /// <summary>The date of the decision.</summary>
    public LocalDate Date => _s.Date;

    /// <summary>The employee's fact in slot <paramref name="slot"/> of the rule set's layout.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fact Employee(int slot) => Slot(_employee, slot);

    /// <summary>The fact in slot <paramref name="slot"/> of the employee's unit (absent without a unit).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fact Unit(int slot) => Slot(_unit, slot);

    /// <summary>The fact in slot <paramref name="slot"/> of the employee's perangkat daerah (absent without one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fact TopUnit(int slot) => Slot(_top, slot);

    /// <summary>Whether the employee has a unit in the facts (the walk asks no scope without one).</summary>
    public bool HasUnit => _unit is not null;

    /// <summary>Whether the employee has a perangkat daerah in the facts.</summary>
    public bool HasTopUnit => _top is not null;

    /// <summary>Field <paramref name="field"/> of the region's dated series <paramref name="series"/> on the date.</summary>
    public Fact Status(string series, string field) => new(Ops.Status(_s, series, field));

    /// <summary>Field <paramref name="field"/> of the employee's dated series <paramref name="series"/> on the date.</summary>
    public Fact PersonalStatus(string series, string field) => new(Ops.PersonalStatus(_s, series, field));

    /// <summary>Whole years from <paramref name="born"/> to the date (an age, as the rules' <c>age(…)</c> counts it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public decimal Age(LocalDate born) => Ops.Years(born, _s.Date);

    /// <summary>
    /// Leaf <paramref name="leaf"/> of the rule set (its tests, ranks and incidents numbered in order) as the reference
    /// interpreter evaluates it: what compiled code asks for an absent value, a value of another kind, and the leaves it
    /// does not write out (ranks, incidents, region attributes).
    /// </summary>
    public Truth Leaf(int leaf) => (Truth)ConditionInterpreter.Evaluate(_leaves[leaf], _s);
}
