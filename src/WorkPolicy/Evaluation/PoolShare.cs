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
        var (percent, atMost, atLeast, high) = (pd.Percent, pd.AtMost, pd.Decl.AtLeast, pd.Decl.High);
        // With a quota table the first row that holds gives the share (the scope made sure one does).
        var rows = winner.QuotaRows;
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i](s) != Tri.True) continue;
            var row = winner.Model.QuotaRows[i];
            (percent, atMost, atLeast, high) = (row.Percent, row.AtMost, row.AtLeast, row.High);
            break;
        }
        return new PoolAssignment(pd.Group, unit!.Facts.Id, pd.Place, percent, pd.Rounding, atMost) { AtLeast = atLeast, PercentHigh = high, MinPersons = pd.Decl.MinPersons, CycleOffice = pd.Decl.Cycle?.Office, CycleHome = pd.Decl.Cycle?.Home, GroupBy = pd.Decl.GroupBy, NoConsecutiveOffice = pd.Decl.NoConsecutiveOffice };
    }
}
