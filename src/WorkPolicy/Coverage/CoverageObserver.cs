using WorkPolicy.Evaluation;
using WorkPolicy.Model;
using static WorkPolicy.Coverage.CoverageMap;

namespace WorkPolicy.Coverage;

/// <summary>
/// Observes one walk and marks in a <see cref="CoverageMap"/> what it reached: the provisions that
/// decided, applied or were overridden, the <c>overrides</c> edges taken, the windows of the
/// obligations that came with the decision, the branch of each <c>until</c>. It decides nothing.
/// </summary>
internal readonly struct CoverageObserver(CoverageMap map) : IWalkObserver
{
    // The trace events carry the scopes of every provision considered and the status of every circular.
    public bool Tracing => true;

    /// <inheritdoc/>
    public bool Obligations => true;

    public void UnitMissing(DecisionSubject s) { }

    public void InForce(CompiledCircular c, DayContext day, Tri status)
    {
        if (day.Timelines[c.Model.Index] is null || c.Model.Decl.Period.Until is not { } until || status == Tri.Unknown) return;
        map.Mark(status == Tri.True ? new Key(until, null, true) : new Key(until), Reach.Reached);
    }

    public void NotWorkingDay(DayContext day) { }

    public void UnknownInForce(CompiledCircular c, DayContext day, DecisionSubject s) { }

    public void UnknownScope(CompiledCircular c, CompiledProvision p, DecisionSubject s) { }

    public void Considered(CompiledCircular c, ReadOnlySpan<Tri> results, int winner)
    {
        var ps = c.Deciding;
        for (var i = 0; i < ps.Length; i++)
        {
            if (results[i] != Tri.True || i == winner) continue;
            var overridden = false;
            for (var j = 0; j < ps.Length; j++)
            {
                if (results[j] != Tri.True || !ps[j].Model.Decl.Overrides.Contains(ps[i].Model.Id)) continue;
                map.Mark(new Key(ps[j].Model.Decl, ps[i].Model.Decl), Reach.Reached);
                overridden = true;
            }
            // Overridden through a chain counts as overridden too; only the written edges are items.
            foreach (var j in ps[i].Model.OverriddenBy) overridden |= results[j] == Tri.True;
            map.Mark(new Key(ps[i].Model.Decl), overridden ? Reach.Overridden : Reach.Applied);
        }
    }

    public void NoProvisionFits(CompiledCircular c) { }

    public void Decided(CompiledCircular c, CompiledProvision p, DecisionSubject s) => Reached(p.Model, Reach.Decided);

    public void NotAsked(CompiledCircular c, CompiledCircular decider) { }

    public void Attaches(CompiledCircular c, CompiledProvision p, WorkMode mode, Tri scope, bool scopeHeld, DecisionSubject s)
    {
        // Reached when its scope held, pending or not: a duty of the days at home on a rotation day waits for a roster's
        // place, yet the case lists it.
        if (scopeHeld) Reached(p.Model, Reach.Attached);
    }

    private void Reached(CheckedProvision p, Reach reach)
    {
        map.Mark(new Key(p.Decl), reach);
        foreach (var o in p.Obligations)
        {
            if (o.HasWindows) map.Mark(new Key(o.Decl), Reach.Reached);
        }
    }
}
