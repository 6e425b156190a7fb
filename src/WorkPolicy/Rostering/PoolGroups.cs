using WorkPolicy.Facts;

namespace WorkPolicy.Rostering;

/// <summary>Fixed shift groups (<c>groups 3 by position</c>): what a member's value of the grouping field is, for the planner and the check.</summary>
internal static class PoolGroups
{
    /// <summary>The member's value of <paramref name="field"/> as text (a code, a set's codes, yes/no, a number), or "" when unknown.</summary>
    public static string ValueOf(EmployeeFacts employee, string field) => employee.Fields.TryGetValue(field, out var value) ? value switch
    {
        CodeFact c => c.Code,
        CodeSetFact s => string.Join(',', s.Codes),
        BoolFact b => b.Value ? "yes" : "no",
        NumberFact n => n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "",
    } : "";
}
