using System.Collections.Immutable;
using NodaTime;

namespace WorkPolicy.Evaluation;

/// <summary>
/// What a decision says beyond its employee, date, mode, pool and unknowns: the circulars in force, the provisions
/// behind it, the obligations. One instance stands for one outcome: the memo layer hands the same instance to every
/// employee of a decision key, so writers may reuse what they made of it (compared by reference, by design).
/// </summary>
internal sealed class DecisionDetails(ImmutableArray<string> circulars, ImmutableArray<ProvisionRef> provisions, ImmutableArray<ObligationResult> obligations)
{
    /// <summary>Nothing decided: no circulars, provisions or obligations.</summary>
    public static DecisionDetails None { get; } = new([], [], []);

    public ImmutableArray<string> Circulars { get; } = circulars;

    public ImmutableArray<ProvisionRef> Provisions { get; } = provisions;

    public ImmutableArray<ObligationResult> Obligations { get; } = obligations;

    /// <summary>Whether an obligation is pending (then the decision's unknowns name the employee).</summary>
    public bool HasPending { get; } = obligations.Any(o => o.Pending);
}

/// <summary>The one place a <see cref="Decision"/> is put together, for the plain walk and the memo layer alike.</summary>
internal static class DecisionAssembly
{
    /// <summary>
    /// The decision of <paramref name="verdict"/> for an employee on a date: the shared <paramref name="details"/>, the
    /// employee's own pool and the facts an indeterminate verdict lacks; a reason only where the mode is not covered.
    /// </summary>
    public static Decision Assemble(string employee, LocalDate date, Verdict verdict, DecisionDetails details, PoolAssignment? pool, ImmutableArray<string> unknown) =>
        new(employee, date, verdict.Mode, details.Circulars, details.Provisions, details.Obligations, pool, unknown)
        {
            Reason = verdict.Reason,
            Shared = details,
        };
}
