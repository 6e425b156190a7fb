using System.Collections.Immutable;
using NodaTime;

namespace WorkPolicy.Model;

/// <summary>
/// One circular over time: its versions — as issued, then as each amendment leaves it — each a stretch of dates
/// with the provisions that stand then. The stretches do not overlap, so on any day at most one version is within
/// its dates. The linker makes one history per circular (amendments are folded into the circular they amend).
/// </summary>
/// <param name="Id">The circular's id.</param>
/// <param name="Versions">Its versions, oldest first; each is also in <see cref="RuleModel.Circulars"/>, in the order of precedence.</param>
internal sealed record CircularHistory(string Id, ImmutableArray<CheckedCircular> Versions)
{
    /// <summary>The circular as issued.</summary>
    public CheckedCircular AsIssued => Versions[0];

    /// <summary>Whether the circular was amended (it has more than one version).</summary>
    public bool Amended => Versions.Length > 1;

    /// <summary>The version whose dates hold <paramref name="date"/> (revocation and end condition aside: those end every version alike), or null.</summary>
    public CheckedCircular? VersionOn(LocalDate date)
    {
        foreach (var v in Versions)
        {
            if (date >= v.From && (v.To is not { } to || date <= to)) return v;
        }
        return null;
    }
}
