using NodaTime;
using WorkPolicy.Ast;
using WorkPolicy.Evaluation;
using WorkPolicy.Facts;

namespace WorkPolicy.Rostering;

/// <summary>How many of a pool the day's quota puts at its place: written once for the planner and the checker.</summary>
/// <param name="AtPlace">The members of the pool the quota puts at its place.</param>
/// <param name="Base">With a quota base (<c>50% of asn</c>): how many of the unit count in it; else null.</param>
/// <param name="Fixed">With a quota base: how many of the base the rules fix at the quota's place (they count within the share).</param>
internal readonly record struct PoolQuota(int AtPlace, int? Base, int? Fixed)
{
    /// <summary>For a range, the most of the pool its top allows at the place; else null.</summary>
    public int? Highest { get; init; }

    /// <summary>
    /// The quota of a pool of <paramref name="members"/> on its <paramref name="turn"/>-th day. Without a base, the share
    /// of the pool. With one, the share of the base (everyone of the unit the base condition holds for, as far as the
    /// facts tell: an unknown does not count) less those of the base the rules fix at the quota's place — Boyolali's
    /// "at most 50 % of all ASN of each unit at the office", the heads fixed at the office counting within it — never
    /// below none nor above the pool.
    /// </summary>
    public static PoolQuota Of(IDecider decider, PoolAssignment pool, Verdict poolVerdict, int members, int turn, LocalDate date, IEnumerable<(EmployeeRow Row, WorkMode Mode)> everyone)
    {
        if (!decider.HasQuotaBase(poolVerdict))
        {
            var quota = pool.Quota(members, turn);
            return new(quota, null, null) { Highest = Quotas.Highest(members, pool.Bound, pool.PercentHigh, quota) };
        }
        var fixedMode = pool.Place == QuotaPlace.Office ? WorkMode.Office : WorkMode.Home;
        int inBase = 0, atPlace = 0;
        foreach (var (row, mode) in everyone)
        {
            if (decider.InQuotaBase(row, date, poolVerdict, pool.Unit) != Tri.True) continue;
            inBase++;
            if (mode == fixedMode) atPlace++;
        }
        var share = Math.Clamp(pool.Quota(inBase, turn) - atPlace, 0, members);
        var highest = Quotas.Highest(inBase, pool.Bound, pool.PercentHigh, pool.Quota(inBase, turn)) is { } top ? Math.Clamp(top - atPlace, share, members) : (int?)null;
        return new(share, inBase, atPlace) { Highest = highest };
    }
}
