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
}
