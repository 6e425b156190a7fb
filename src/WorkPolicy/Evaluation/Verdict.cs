using WorkPolicy.Ast;

namespace WorkPolicy.Evaluation;

/// <summary>
/// The outcome of one decision without its details: the mode and, when a provision decided, which
/// one (indexes into the compiled rules). A value type, so batch evaluation allocates nothing.
/// </summary>
internal readonly record struct Verdict(WorkMode Mode, short Circular, short Provision)
{
    /// <summary>The index of "no circular" or "no provision": nothing decided.</summary>
    public const short None = -1;

    /// <summary>
    /// The provision index of a verdict not covered although circulars are in force, none of their provisions
    /// fitting: the reason kept in the index no provision uses, so a verdict stays four bytes.
    /// </summary>
    private const short NoneFits = -2;

    /// <summary>A verdict no provision decided.</summary>
    public static Verdict Of(WorkMode mode) => new(mode, None, None);

    /// <summary>Not covered although circulars are in force: none of their provisions fits the employee.</summary>
    public static Verdict NoProvisionFits { get; } = new(WorkMode.NotCovered, None, NoneFits);

    /// <summary>Whether a provision decided (the indexes name it).</summary>
    public bool Decided => Provision >= 0;

    /// <summary>Why a <see cref="WorkMode.NotCovered"/> verdict is not covered; null for any other.</summary>
    public NotCoveredReason? Reason => Mode != WorkMode.NotCovered ? null : Provision == NoneFits ? NotCoveredReason.NoProvisionFits : NotCoveredReason.NoCircularInForce;
}
