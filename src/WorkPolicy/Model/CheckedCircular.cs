using System.Collections.Frozen;
using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Ast;

namespace WorkPolicy.Model;

/// <summary>
/// A checked circular: regions and zone resolved, its period typed (the end condition as a
/// <see cref="Condition"/> over region status), its provisions split into those that decide a mode
/// and those that only add obligations, with the transitive override relation computed.
/// </summary>
/// <param name="Id">The circular's id.</param>
/// <param name="Index">Its position in <see cref="RuleModel.Circulars"/>: the order of precedence, oldest first.</param>
/// <param name="Regions">The regions it names.</param>
/// <param name="Zone">The zone its times are read in.</param>
/// <param name="From">First day in force.</param>
/// <param name="To">Last day in force (inclusive), or null.</param>
/// <param name="Until">Ends it on the first day this condition over region status holds, or null.</param>
/// <param name="Deciding">Provisions that decide a mode, in file order.</param>
/// <param name="Attaching">Provisions that only add obligations, in file order.</param>
/// <param name="Decl">The syntax it was checked from.</param>
internal sealed record CheckedCircular(
    string Id,
    int Index,
    FrozenSet<string> Regions,
    DateTimeZone Zone,
    LocalDate From,
    LocalDate? To,
    Condition? Until,
    ImmutableArray<CheckedProvision> Deciding,
    ImmutableArray<CheckedProvision> Attaching,
    CircularDecl Decl)
{
    /// <summary>The zone's id, e.g. <c>Asia/Makassar</c>.</summary>
    public string ZoneId => Zone.Id;

    /// <summary>The first day of the circular as issued; the end condition is read from it (a later version starts later).</summary>
    public LocalDate Start { get; init; } = From;

    /// <summary>The first day the circular is no longer in force because another revokes or supersedes it, or null.</summary>
    public LocalDate? RevokedFrom { get; init; }

    /// <summary>The circular that revokes or supersedes it.</summary>
    public string? RevokedBy { get; init; }

    /// <summary>The syntax as parsed (a version's <see cref="Decl"/> is made for it at each link): the same object while its file is unchanged.</summary>
    public CircularDecl? Declared { get; init; }

    /// <summary>The amendments this version includes, oldest first (empty: as issued).</summary>
    public ImmutableArray<string> AmendedBy { get; init; } = [];

    /// <summary>The amendment whose period restates this version's end (an extension), or null when the end is the circular's own.</summary>
    public string? ExtendedBy { get; init; }

    /// <summary>Whether <paramref name="date"/> lies within the stated dates and before any revocation (the end condition aside).</summary>
    public bool WithinDates(LocalDate date) => date >= From && (To is not { } to || date <= to) && (RevokedFrom is not { } r || date < r);
}
