using System.Globalization;

namespace WorkPolicy.Querying;

/// <summary>A condition on one field in words: the classes it admits, as a reader of the rules would write them.</summary>
internal static class ClassText
{
    public static string Describe(string field, IReadOnlyList<ClassTest> classes)
    {
        // Codes one by one read as one list: "in {pns, pppk}", and "unknown" beside it.
        if (classes.All(c => c is CodeTest { Outside: false, OrAbsent: false } or AbsentTest) && classes.Count(c => c is CodeTest) > 1)
        {
            var codes = $"{field} in {{{string.Join(", ", classes.OfType<CodeTest>().SelectMany(c => c.Codes))}}}";
            return classes.Any(c => c is AbsentTest) ? $"({codes} or {field} unknown)" : codes;
        }
        var text = string.Join(" or ", classes.Select(c => One(field, c)).Distinct());
        return classes.Count > 1 ? $"({text})" : text;
    }

    private static string One(string field, ClassTest test)
    {
        var absent = test.OrAbsent && test is not AbsentTest ? $" (or {field} absent)" : "";
        return test switch
        {
            AbsentTest => $"{field} unknown",
            CodeTest { Outside: false } c => $"{field} in {{{string.Join(", ", c.Codes)}}}{absent}",
            CodeTest c => $"{field} other than {{{string.Join(", ", c.Codes)}}}{absent}",
            BoolTest b => $"{field} == {(b.Value ? "true" : "false")}{absent}",
            NumberTest { Low: { } lo, High: { } hi } n when lo == hi => $"{field} == {Show(lo)}{absent}",
            NumberTest n => $"{Bounds(field, n.Low is { } lo ? (n.LowIncluded ? ">= " : "> ") + Show(lo) : null, n.High is { } hi ? (n.HighIncluded ? "<= " : "< ") + Show(hi) : null)}{absent}",
            DateTest { From: { } f, To: { } t } when f == t => $"{field} == {f:uuuu-MM-dd}{absent}",
            DateTest d => $"{Bounds(field, d.From is { } f ? $">= {f:uuuu-MM-dd}" : null, d.To is { } t ? $"<= {t:uuuu-MM-dd}" : null)}{absent}",
            RankTest r => $"{r.Rank.Field.Path} in top {r.Rank.Count} of {(r.Rank.TopUnit ? "top-unit" : "unit")} is {(r.Outcome == Evaluation.Tri.True ? "true" : r.Outcome == Evaluation.Tri.False ? "false" : "unknown")}",
            SetTest s => $"{field} {(s.Any ? "has any of" : "has none of")} {{{string.Join(", ", s.Codes)}}}{absent}",
            _ => field,
        };
    }

    private static string Bounds(string field, string? low, string? high) => (low, high) switch
    {
        (null, null) => $"{field} known",
        ({ } l, null) => $"{field} {l}",
        (null, { } h) => $"{field} {h}",
        ({ } l, { } h) => $"{field} {l} and {h}",
    };

    private static string Show(decimal d) => d.ToString("0.############", CultureInfo.InvariantCulture);
}
