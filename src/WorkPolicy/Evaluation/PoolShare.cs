using WorkPolicy.Ast;

namespace WorkPolicy.Evaluation;

/// <summary>The rotation pool a deciding provision puts an employee in, with the share that holds for them.</summary>
internal static class PoolShare
{
    /// <summary>The pool of a rotation provision for the scope's employee.</summary>
    public static PoolAssignment? Of(CompiledProvision winner, DecisionSubject s)
    {
        if (winner.Model.Mode != WorkMode.Rotation || winner.Model.Pool is not { } pd) return null;
        var unit = pd.Per == PoolPer.TopUnit ? s.TopUnit ?? s.Unit : s.Unit;
        var (percent, atMost) = (pd.Percent, pd.AtMost);
        // With a quota table the first row that holds gives the share (the scope made sure one does).
        var rows = winner.QuotaRows;
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i](s) != Tri.True) continue;
            (percent, atMost) = (winner.Model.QuotaRows[i].Percent, winner.Model.QuotaRows[i].AtMost);
            break;
        }
        return new PoolAssignment(pd.Group, unit!.Facts.Id, pd.Place, percent, pd.Rounding, atMost);
    }
}
