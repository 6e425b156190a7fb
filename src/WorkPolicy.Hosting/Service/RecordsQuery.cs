using Microsoft.AspNetCore.Http;
using NodaTime.Text;

namespace WorkPolicy.Hosting;

/// <summary>
/// The query of <c>GET /v1/records</c>, read by hand so that every wrong value is a 400 problem saying which: a page
/// that is not a whole number or past the last possible one (its offset would overflow), a date not yyyy-mm-dd, a
/// value given twice.
/// </summary>
internal sealed record RecordsQuery(RecordQuery? Query, int Page, string? Problem)
{
    public static RecordsQuery Read(IQueryCollection query, int pageSize)
    {
        var maxPage = int.MaxValue / pageSize;
        foreach (var (key, values) in query)
            if (values.Count > 1) return Wrong($"{key}: given {values.Count} times; give it once");
        var page = 1;
        if (query.TryGetValue("page", out var p) && (!int.TryParse(p.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out page) || page < 1 || page > maxPage))
            return Wrong($"page: a whole number from 1 to {maxPage}");
        NodaTime.LocalDate? from = null, to = null;
        if (query.TryGetValue("from", out var f)) { if (LocalDatePattern.Iso.Parse(f.ToString()) is { Success: true } d) from = d.Value; else return Wrong("from: a date yyyy-mm-dd"); }
        if (query.TryGetValue("to", out var t)) { if (LocalDatePattern.Iso.Parse(t.ToString()) is { Success: true } d) to = d.Value; else return Wrong("to: a date yyyy-mm-dd"); }
        var employee = query.TryGetValue("employee", out var e) ? e.ToString() : null;
        return new RecordsQuery(new RecordQuery(employee, from, to, pageSize, (page - 1) * pageSize), page, null);
    }

    private static RecordsQuery Wrong(string problem) => new(null, 0, problem);
}
