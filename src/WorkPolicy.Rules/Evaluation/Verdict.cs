using WorkPolicy.Rules.Ast;

namespace WorkPolicy.Rules.Evaluation;

/// <summary>
/// The outcome of one decision without its details: the mode and, when a provision decided, which
/// one (indexes into the compiled rules). A value type, so batch evaluation allocates nothing.
/// </summary>
internal readonly record struct Verdict(WorkMode Mode, short Circular, short Provision)
{
    /// <summary>A verdict no provision decided.</summary>
    public static Verdict Of(WorkMode mode) => new(mode, -1, -1);

    /// <summary>Not covered although circulars are in force: none of their provisions fits the employee.</summary>
    public static Verdict NoProvisionFits { get; } = new(WorkMode.NotCovered, -1, -2);

    /// <summary>Why a <see cref="WorkMode.NotCovered"/> verdict is not covered; null for any other.</summary>
    public NotCoveredReason? Reason => Mode != WorkMode.NotCovered ? null : Provision == -2 ? NotCoveredReason.NoProvisionFits : NotCoveredReason.NoCircularInForce;
}
