namespace WorkPolicy.Evaluation.Memo;

/// <summary>The verdicts and decision details found so far for one region on one date, by decision key.</summary>
internal sealed class DayMemo
{
    /// <summary>Verdicts by key.</summary>
    public VerdictCache Verdicts { get; } = new();

    /// <summary>What decisions say beyond employee, mode and pool, by key (determinate decisions only).</summary>
    public Dictionary<ulong, DecisionDetails> Details { get; } = [];
}

