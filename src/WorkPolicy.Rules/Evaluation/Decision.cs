using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Rules.Ast;

namespace WorkPolicy.Rules.Evaluation;

/// <summary>A provision behind a decision: id, circular and where the source says it.</summary>
public sealed record ProvisionRef(string Id, string Circular, string Cite);

/// <summary>The rotation pool an employee belongs to and its quota.</summary>
public sealed record PoolAssignment(string Group, string Unit, QuotaPlace Place, decimal Percent, Rounding Rounding, bool AtMost)
{
    /// <summary>Persons the quota puts at <see cref="Place"/> out of <paramref name="members"/>.</summary>
    public int Quota(int members) => new PoolDecl(Group, PoolPer.Unit, Place, Percent, Rounding, AtMost, default).Quota(members);
}

/// <summary>An obligation for the day: its kind, zone, details, and the day's time windows if any.</summary>
public sealed record ObligationResult(
    string Kind,
    string Circular,
    string Provision,
    string Zone,
    ImmutableArray<PropertyDecl> Properties,
    ImmutableArray<TimeWindow>? Windows);

/// <summary>The answer for one employee on one date (decisions.md).</summary>
public sealed record Decision(
    string Employee,
    LocalDate Date,
    WorkMode Mode,
    ImmutableArray<string> Circulars,
    ImmutableArray<ProvisionRef> Provisions,
    ImmutableArray<ObligationResult> Obligations,
    PoolAssignment? Pool,
    ImmutableArray<string> Unknown);

/// <summary>One line of an explanation: what was considered and why it did or did not count.</summary>
public sealed record TraceEntry(string Circular, string? Provision, string Outcome, string Reason);
