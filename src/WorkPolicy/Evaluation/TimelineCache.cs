using WorkPolicy.Facts;

namespace WorkPolicy.Evaluation;

/// <summary>Timelines of end conditions per circular and region, computed on first use; one per evaluator.</summary>
internal sealed class TimelineCache
{
    private readonly Dictionary<(int Circular, string Region), InForceTimeline> _lines = [];
    private DecisionSubject? _scope;

    public InForceTimeline Get(CompiledCircular c, FactIndex facts, string region)
    {
        if (_lines.TryGetValue((c.Model.Index, region), out var line)) return line;
        var s = _scope ??= new DecisionSubject(facts);
        s.SetRegion(region);
        return _lines[(c.Model.Index, region)] = InForceTimeline.Compute(c, s);
    }
}
