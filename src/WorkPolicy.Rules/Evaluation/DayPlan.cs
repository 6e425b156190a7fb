namespace WorkPolicy.Rules.Evaluation;

/// <summary>
/// What holds for every employee of one region on one date: which circulars are in force, and
/// either the verdict itself (not covered, day off, or indeterminate because the end of a circular
/// is unknown) or the key and the verdicts already found for this region and day.
/// </summary>
internal sealed class DayPlan
{
    private DayPlan(Verdict? fixedVerdict, bool[] inForce, DecisionKey? incidents, int fieldBits)
    {
        Fixed = fixedVerdict;
        InForce = inForce;
        Incidents = incidents;
        FieldBits = fieldBits;
    }

    /// <summary>Where the incident key starts: the size of the region's field key.</summary>
    public int FieldBits { get; }

    /// <summary>The verdict for everyone, when it does not depend on the employee.</summary>
    public Verdict? Fixed { get; }

    /// <summary>Which circulars are in force (by index in the compiled rule set).</summary>
    public bool[] InForce { get; }

    /// <summary>
    /// The key of the incident tests of the circulars in force, which go above the employee's field
    /// key; null when the two together do not fit a key, so every decision is made in full.
    /// </summary>
    public DecisionKey? Incidents { get; }

    /// <summary>Verdicts found so far, by key.</summary>
    public VerdictCache Verdicts { get; } = new();

    /// <summary>The details of decisions made so far (circulars, provisions, obligations), by key.</summary>
    public Dictionary<ulong, DecisionDetails> Details { get; } = [];

    /// <summary>A plan whose verdict is the same for everyone.</summary>
    public static DayPlan Everyone(Verdict verdict) => new(verdict, [], null, 0);

    /// <summary>A plan that decides per employee within the circulars in force; <paramref name="fieldBits"/>: the region's field key size, or -1 when it has none.</summary>
    public static DayPlan PerEmployee(bool[] inForce, CompiledRuleSet rules, int fieldBits)
    {
        var incidents = DecisionKey.OfIncidents(rules.Circulars.Where((_, i) => inForce[i]));
        var keyed = fieldBits >= 0 && fieldBits + incidents.Bits <= DecisionKey.MaxBits;
        return new(null, inForce, keyed ? incidents : null, fieldBits);
    }
}

/// <summary>What a decision says beyond its employee, date, mode and pool; shared by every employee with the same key.</summary>
internal sealed record DecisionDetails(
    System.Collections.Immutable.ImmutableArray<string> Circulars,
    System.Collections.Immutable.ImmutableArray<ProvisionRef> Provisions,
    System.Collections.Immutable.ImmutableArray<ObligationResult> Obligations);
