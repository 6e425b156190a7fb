using System.Net;
using System.Text;
using WorkPolicy.Dsl.Dsl;
using WorkPolicy.Rules.Facts;
using WorkPolicy.Rules.Rostering;

namespace WorkPolicy.Cli.Output;

/// <summary>A printable calendar grid per perangkat daerah: employees by unit as rows, days as columns.</summary>
internal static class RosterHtml
{
    public static string Render(Roster roster, FactIndex facts, string title)
    {
        var dates = roster.Assignments.Select(a => a.Date).Distinct().Order().ToList();
        var cells = roster.Assignments.ToDictionary(a => (a.Employee, a.Date), a => a.Place);
        var unassigned = roster.Unassigned.ToDictionary(u => (u.Employee, u.Date), u => u.Unknown);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n<style>\n")
          .Append("body{font-family:sans-serif;font-size:11px;margin:12mm}h1{font-size:16px}h2{font-size:13px;margin-top:18px;page-break-before:auto}\n")
          .Append("table{border-collapse:collapse;page-break-inside:auto}th,td{border:1px solid #999;padding:2px 4px;text-align:center}\n")
          .Append("td.name{text-align:left;white-space:nowrap}.office{background:#cfe3ff}.home{background:#d8f5d0}.off{background:#eee;color:#888}.unknown{background:#ffe0b3}\n")
          .Append("th.weekend{background:#eee}@media print{h2{page-break-before:always}h2:first-of-type{page-break-before:avoid}}\n")
          .Append("</style></head><body>\n<h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>\n")
          .Append("<p>O = kantor (office), H = rumah (home), – = libur (off), ? = data kurang (facts missing)</p>\n");
        var employees = facts.Facts.Employees.Where(e => cells.Keys.Any(k => k.Employee == e.Id) || unassigned.Keys.Any(k => k.Employee == e.Id));
        foreach (var top in employees.GroupBy(e => facts.TopUnit(e.Unit)?.Id ?? e.Unit).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var name = facts.Unit(top.Key)?.Name ?? top.Key;
            sb.Append("<h2>").Append(WebUtility.HtmlEncode(name)).Append("</h2>\n<table><thead><tr><th>Pegawai</th><th>Unit</th>");
            foreach (var d in dates)
            {
                var weekend = d.DayOfWeek is NodaTime.IsoDayOfWeek.Saturday or NodaTime.IsoDayOfWeek.Sunday;
                sb.Append(weekend ? "<th class=\"weekend\">" : "<th>").Append(d.ToString("ddd", null)[..2]).Append("<br>").Append(d.Day).Append("</th>");
            }
            sb.Append("</tr></thead><tbody>\n");
            foreach (var e in top.OrderBy(e => e.Unit, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal))
            {
                sb.Append("<tr><td class=\"name\">").Append(WebUtility.HtmlEncode(e.Id)).Append("</td><td class=\"name\">").Append(WebUtility.HtmlEncode(e.Unit)).Append("</td>");
                foreach (var d in dates)
                {
                    if (cells.TryGetValue((e.Id, d), out var p))
                        sb.Append(p switch { Place.Office => "<td class=\"office\">O</td>", Place.Home => "<td class=\"home\">H</td>", _ => "<td class=\"off\">–</td>" });
                    else if (unassigned.TryGetValue((e.Id, d), out var unknown))
                        sb.Append("<td class=\"unknown\" title=\"").Append(WebUtility.HtmlEncode(string.Join(", ", unknown))).Append("\">?</td>");
                    else sb.Append("<td></td>");
                }
                sb.Append("</tr>\n");
            }
            sb.Append("</tbody></table>\n");
        }
        sb.Append("<p>").Append(dates.Count > 0 ? $"{Values.Text(dates[0])} – {Values.Text(dates[^1])}" : "").Append("</p>\n</body></html>\n");
        return sb.ToString();
    }
}
