using WorkPolicy.Ast;

namespace WorkPolicy.Evaluation;

/// <summary>
/// The one evaluation of a decision (docs/semantics.md states it in words). Everything else —
/// details, the facts still needed, the trace of <c>explain</c>, the memo layer — observes this
/// walk or remembers what it answered; none decides on its own.
/// </summary>
/// <remarks>
/// The order of the walk:
/// <list type="number">
/// <item>No unit in the facts: indeterminate.</item>
/// <item>No circular in force and none unknown: not covered. Not a working day: day off when some
/// circular is in force; indeterminate when only unknown ones could be.</item>
/// <item>The mode: circulars in force, newest first. The first whose provisions decide gives the
/// mode; one where no provision applies passes to the next older (fallback). An unknown fact that
/// could change the winner of the circular being asked, or an unknown end of a circular that would
/// decide, makes the decision indeterminate; older circulars are not asked, so their unknowns never
/// matter.</item>
/// <item>Obligations: the winner's own, then every obligation-only provision of every circular in
/// force that attaches to the decided mode and whose scope holds; an unknown scope (or an unknown
/// end of a circular whose provision could attach) makes the decision indeterminate.</item>
/// </list>
/// The walk is generic over its observer so the batch path, observed by <see cref="NoObserver"/>,
/// compiles to the bare walk: no call, no allocation.
/// </remarks>
internal static class DecisionWalk
{
    /// <summary>Walks the decision of the scope's employee in <paramref name="day"/>'s region and date.</summary>
    public static Verdict Run<TObserver>(CompiledRules rules, DayContext day, DecisionSubject s, ref TObserver observer)
        where TObserver : IWalkObserver
    {
        if (s.Unit is null)
        {
            observer.UnitMissing(s);
            return Verdict.Of(WorkMode.Indeterminate);
        }
        var circulars = rules.Circulars;
        var inForce = day.InForce;
        if (observer.Tracing)
        {
            for (var i = 0; i < circulars.Length; i++) observer.InForce(circulars[i], day, inForce[i]);
        }

        var standing = day.Standing;
        if (standing.Length == 0) return Verdict.Of(WorkMode.NotCovered);
        if (!day.WorkingDay)
        {
            observer.NotWorkingDay(day);
            if (day.AnyInForce) return Verdict.Of(WorkMode.DayOff);
            // Day off if an unknown circular is in force, not covered if none is: that depends on the unknown.
            for (var i = 0; i < inForce.Length; i++)
            {
                if (inForce[i] == Tri.Unknown) observer.UnknownInForce(circulars[i], day, s);
            }
            return Verdict.Of(WorkMode.Indeterminate);
        }

        var decided = Verdict.NoProvisionFits;
        foreach (var i in standing)
        {
            var c = circulars[i];
            var ps = c.Deciding;
            int winner;
            bool unknown;
            // The winner and whether an unknown could change it. On the batch path (an observer that wants no event) rules
            // compiled to C# find both in one straight method, the overrides and sameness of effects as constants: an
            // optimisation of the block below, held equal to it by the tests of compiled C#.
            if (typeof(TObserver) != typeof(NoObserver) || c.Precompiled is not { } code || (winner = code.Winner(s, out unknown)) == -2)
                winner = WinnerByScopes(c, s, ref observer, out unknown);
            if (inForce[i] == Tri.Unknown)
            {
                // A circular that might be in force matters only where it would decide (or might).
                if (winner < 0 && !unknown) continue;
                observer.UnknownInForce(c, day, s);
                return Verdict.Of(WorkMode.Indeterminate);
            }
            if (unknown) return Verdict.Of(WorkMode.Indeterminate);
            if (winner < 0)
            {
                observer.NoProvisionFits(c);
                continue;
            }
            decided = new Verdict(c.DecidingModes[winner], (short)i, (short)winner);
            observer.Decided(c, ps[winner], s);
            if (observer.Tracing)
            {
                for (var older = i - 1; older >= 0; older--)
                {
                    if (inForce[older] != Tri.False) observer.NotAsked(circulars[older], c);
                }
            }
            break;
        }
        // Obligations never change the verdict (an unknown one is pending): an observer that wants only the verdict skips them.
        if (!decided.Decided || !observer.Obligations) return decided;

        var mode = decided.Mode;
        // Oldest first, so obligations are listed in the order the circulars were issued.
        for (var k = standing.Length - 1; k >= 0; k--)
        {
            var i = standing[k];
            var c = circulars[i];
            var attaching = c.Attaching;
            if (attaching.IsEmpty) continue;
            var scopes = s.Results;
            c.AttachAll(s, scopes);
            for (var a = 0; a < attaching.Length; a++)
            {
                var p = attaching[a];
                if (!p.Model.AttachesTo(mode))
                {
                    if (observer.Tracing) observer.Attaches(c, p, mode, Tri.False, false, s);
                    continue;
                }
                var r = scopes[a];
                var held = r == Tri.True;
                // Duties of the day's place on a rotation or optional day: which place, only a roster says — pending.
                if (r == Tri.True && p.Model.AwaitsRoster(mode)) r = Tri.Unknown;
                // An obligation alone never makes a decision indeterminate (decisions.md): where its circular's standing
                // or its own scope is unknown, the mode stands and the obligation is pending.
                if (inForce[i] == Tri.Unknown)
                {
                    if (r == Tri.False) continue;
                    observer.UnknownInForce(c, day, s);
                    r = Tri.Unknown;
                }
                observer.Attaches(c, p, mode, r, held, s);
            }
        }
        return decided;
    }

    /// <summary>
    /// The winner among <paramref name="c"/>'s deciding provisions from their scopes' outcomes, and whether an unknown
    /// could change it (each such scope told to the observer). A method of its own so the batch path's walk stays small:
    /// with rules compiled to C# it never comes here, and its frame no longer carries this block's locals.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static int WinnerByScopes<TObserver>(CompiledCircular c, DecisionSubject s, ref TObserver observer, out bool unknown)
        where TObserver : IWalkObserver
    {
        var ps = c.Deciding;
        var buffer = s.Results;
        c.EvaluateScopes(s, buffer);
        ReadOnlySpan<Tri> results = buffer.AsSpan(0, ps.Length);
        var winner = Winner(ps, results);
        unknown = false;
        for (var p = 0; p < ps.Length; p++)
        {
            if (!CouldChange(p, winner, ps, results)) continue;
            unknown = true;
            observer.UnknownScope(c, ps[p], s);
        }
        if (observer.Tracing) observer.Considered(c, results, winner);
        return winner;
    }

    /// <summary>The first provision that applies and that no applicable provision overrides, or -1.</summary>
    public static int Winner(System.Collections.Immutable.ImmutableArray<CompiledProvision> ps, ReadOnlySpan<Tri> results)
    {
        for (var i = 0; i < ps.Length; i++)
        {
            if (results[i] == Tri.True && !OverriddenByTrue(i, ps, results)) return i;
        }
        return -1;
    }

    /// <summary>
    /// Whether provision <paramref name="i"/>, whose scope is unknown, would change the outcome if it
    /// applied: no applicable provision overrides it and it would decide otherwise than the winner.
    /// </summary>
    private static bool CouldChange(int i, int winner, System.Collections.Immutable.ImmutableArray<CompiledProvision> ps, ReadOnlySpan<Tri> results) =>
        results[i] == Tri.Unknown && !OverriddenByTrue(i, ps, results) && (winner < 0 || !ps[i].Model.SameEffect(ps[winner].Model));

    private static bool OverriddenByTrue(int i, System.Collections.Immutable.ImmutableArray<CompiledProvision> ps, ReadOnlySpan<Tri> results)
    {
        foreach (var j in ps[i].Model.OverriddenBy)
        {
            if (results[j] == Tri.True) return true;
        }
        return false;
    }
}

/// <summary>
/// What the walk reports as it goes. <see cref="Tracing"/> is false for observers that need only
/// the events that shape a decision; the walk then skips the events a trace alone wants.
/// </summary>
internal interface IWalkObserver
{
    /// <summary>Whether the trace-only events are wanted.</summary>
    bool Tracing { get; }

    /// <summary>Whether the obligations of the decided mode are wanted (<see cref="Attaches"/>); they never change the verdict.</summary>
    bool Obligations { get; }

    /// <summary>The employee's unit is not in the facts.</summary>
    void UnitMissing(DecisionSubject s);

    /// <summary>Trace: whether <paramref name="c"/> is in force for the region and date.</summary>
    void InForce(CompiledCircular c, DayContext day, Tri status);

    /// <summary>The date is not a working day.</summary>
    void NotWorkingDay(DayContext day);

    /// <summary>Whether <paramref name="c"/> is in force is unknown, and that matters.</summary>
    void UnknownInForce(CompiledCircular c, DayContext day, DecisionSubject s);

    /// <summary>A deciding provision's scope is unknown, and that matters.</summary>
    void UnknownScope(CompiledCircular c, CompiledProvision p, DecisionSubject s);

    /// <summary>Trace: the scopes of <paramref name="c"/>'s deciding provisions and its winner (-1: none).</summary>
    void Considered(CompiledCircular c, ReadOnlySpan<Tri> results, int winner);

    /// <summary>No deciding provision of <paramref name="c"/> applies; an older circular is asked.</summary>
    void NoProvisionFits(CompiledCircular c);

    /// <summary><paramref name="p"/> of <paramref name="c"/> decides the mode.</summary>
    void Decided(CompiledCircular c, CompiledProvision p, DecisionSubject s);

    /// <summary>Trace: an older circular in force was not asked because <paramref name="decider"/> decided.</summary>
    void NotAsked(CompiledCircular c, CompiledCircular decider);

    /// <summary>
    /// An obligation-only provision for the decided mode: whether it attaches (false also when it does not attach to the
    /// mode; unknown when pending), and whether its own scope held — a duty of the day waiting for a roster's place, or
    /// a provision of a circular whose standing is unknown, is pending though its scope held.
    /// </summary>
    void Attaches(CompiledCircular c, CompiledProvision p, WorkMode mode, Tri scope, bool scopeHeld, DecisionSubject s);
}

/// <summary>The observer of the batch path: it wants nothing, so the walk runs bare.</summary>
internal struct NoObserver : IWalkObserver
{
    public readonly bool Tracing => false;
    public readonly bool Obligations => false;
    public readonly void UnitMissing(DecisionSubject s) { }
    public readonly void InForce(CompiledCircular c, DayContext day, Tri status) { }
    public readonly void NotWorkingDay(DayContext day) { }
    public readonly void UnknownInForce(CompiledCircular c, DayContext day, DecisionSubject s) { }
    public readonly void UnknownScope(CompiledCircular c, CompiledProvision p, DecisionSubject s) { }
    public readonly void Considered(CompiledCircular c, ReadOnlySpan<Tri> results, int winner) { }
    public readonly void NoProvisionFits(CompiledCircular c) { }
    public readonly void Decided(CompiledCircular c, CompiledProvision p, DecisionSubject s) { }
    public readonly void NotAsked(CompiledCircular c, CompiledCircular decider) { }
    public readonly void Attaches(CompiledCircular c, CompiledProvision p, WorkMode mode, Tri scope, bool scopeHeld, DecisionSubject s) { }
}
