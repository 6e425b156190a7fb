using NodaTime;

namespace WorkPolicy;

/// <summary>
/// What an auditor needs to see later why a person was told to stay home: the decision as answered (the JSON of
/// docs/decisions.md: mode, deciding provisions with their citations, obligations, pool) under which rules, when, and
/// the facts it read (<see cref="PolicyFacts.Excerpt"/>) — enough to decide it again under other rules
/// (<see cref="DecisionReplay"/>). Stores keep records in this shape; <see cref="SchemaVersion"/> names it.
/// </summary>
/// <param name="Id">Unique, in time order (a version 7 UUID).</param>
/// <param name="At">The instant the decision was answered.</param>
/// <param name="Revision">The rules that answered (<see cref="PolicyEngine.Revision"/>).</param>
/// <param name="Employee">Whose decision.</param>
/// <param name="Date">For which day.</param>
/// <param name="Mode">The mode decided.</param>
/// <param name="Decision">The decision's JSON, on one line (<see cref="PolicyJson.Serialize(WorkPolicy.Decision, bool)"/>).</param>
/// <param name="Facts">The facts the decision read, as a facts document (JSON).</param>
public sealed record DecisionRecord(string Id, Instant At, string Revision, string Employee, LocalDate Date, WorkMode Mode, string Decision, string Facts)
{
    /// <summary>The version of the record's shape stores write (1: the fields above).</summary>
    public const int SchemaVersion = 1;

    /// <summary>A record of <paramref name="decision"/>, answered at <paramref name="at"/> under <paramref name="engine"/> from <paramref name="facts"/>.</summary>
    /// <example><c>var record = DecisionRecord.Of(engine, facts, decision, clock.GetCurrentInstant());</c></example>
    public static DecisionRecord Of(PolicyEngine engine, PolicyFacts facts, Decision decision, Instant at)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(decision);
        return new(Guid.CreateVersion7(at.ToDateTimeOffset()).ToString(), at, engine.Revision, decision.Employee, decision.Date, decision.Mode,
            PolicyJson.Serialize(decision, indented: false), facts.Excerpt(decision.Employee, decision.Date));
    }

    /// <summary>The decision as it was answered.</summary>
    public Decision Answered() => PolicyJson.Deserialize(Decision);
}
