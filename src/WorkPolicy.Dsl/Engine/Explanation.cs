using System.Collections.Immutable;

namespace WorkPolicy;

/// <summary>A decision with its trace: every circular and provision considered, and why each counted or not.</summary>
public sealed class Explanation
{
    internal Explanation(Decision decision, ImmutableArray<TraceEntry> trace)
    {
        Decision = decision;
        Trace = trace;
    }

    /// <summary>The decision, the same as <see cref="PolicyEngine.Decide"/> gives.</summary>
    public Decision Decision { get; }

    /// <summary>What the evaluation considered, in the order it did.</summary>
    public ImmutableArray<TraceEntry> Trace { get; }
}
