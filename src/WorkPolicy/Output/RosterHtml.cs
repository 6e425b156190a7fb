using System.Net;
using System.Text;
using NodaTime;
using WorkPolicy.Parsing;
using WorkPolicy.Ast;
using WorkPolicy.Facts;
using WorkPolicy.Rostering;

namespace WorkPolicy.Output;

/// <summary>
/// The printable roster: one page per perangkat daerah, in Indonesian with the facts' codes as given —
/// employees by unit (the facts' unit names) as rows with the provision that decides for them, days as
/// columns, and under the grid each pool's count at its place against its quota, day by day.
/// </summary>
internal static class RosterHtml
{
    private static readonly string[] Weekdays = ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"];

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];

    /// <summary>
    /// What decides an employee's working days: one provision (or <c>tidak diatur</c>) when it holds for all of them,
    /// else each in turn with its days — <c>…/pelaksana-half (2–5 Agu); tidak diatur (6–13 Agu)</c> — so a row never
    /// names a provision for days it does not decide. Days off are passed over.
    /// </summary>
    private static string Deciders(EmployeeFacts e, List<LocalDate> dates, Dictionary<(string, LocalDate), RosterPlace> cells, Func<EmployeeFacts, LocalDate, string?> decidedBy)
    {
        var runs = new List<(string Label, LocalDate From, LocalDate To)>();
        foreach (var d in dates)
        {
            if (cells.TryGetValue((e.Id, d), out var place) && place == RosterPlace.Off) continue;
            var label = decidedBy(e, d) ?? "tidak diatur";
            if (runs.Count > 0 && runs[^1].Label == label) runs[^1] = runs[^1] with { To = d };
            else runs.Add((label, d, d));
        }
        if (runs.Count <= 1) return runs.Count == 0 ? "tidak diatur" : runs[0].Label;
        static string Day(LocalDate d) => $"{d.Day} {Months[d.Month - 1]}";
        return string.Join("; ", runs.Select(r => $"{r.Label} ({(r.From == r.To ? Day(r.From) : r.From.Month == r.To.Month ? $"{r.From.Day}–{Day(r.To)}" : $"{Day(r.From)}–{Day(r.To)}")})"));
    }

    /// <summary>The page; <paramref name="decidedBy"/> names the circular/provision deciding an employee's day (null: none).</summary>
    public static string Render(Roster roster, FactIndex facts, LocalDate from, LocalDate to, Func<EmployeeFacts, LocalDate, string?> decidedBy)
    {
        var dates = Enumerable.Range(0, Period.Between(from, to, PeriodUnits.Days).Days + 1).Select(from.PlusDays).ToList();
        var cells = roster.Assignments.ToDictionary(a => (a.Employee, a.Date), a => a.Place);
        var unassigned = roster.Unassigned.ToDictionary(u => (u.Employee, u.Date), u => u.Unknown);
        var title = $"Jadwal kehadiran pegawai {Values.Text(from)} s.d. {Values.Text(to)}";
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\"><title>").Append(Html(title)).Append("</title>\n<style>\n")
          .Append("@page{size:A4 landscape;margin:10mm}body{font-family:sans-serif;font-size:10px}h1{font-size:15px;margin:0 0 4px}h2{font-size:13px;margin:0 0 6px}\n")
          .Append("section{break-before:page}section:first-of-type{break-before:avoid}table{border-collapse:collapse;margin-bottom:8px}\n")
          .Append("th,td{border:1px solid #999;padding:1px 3px;text-align:center}td.name{text-align:left;white-space:nowrap}\n")
          .Append(".kantor{background:#cfe3ff}.rumah{background:#d8f5d0}.libur{background:#eee;color:#777}.kurang{background:#ffe0b3}.lewat{background:#f7b3b3}\n")
          .Append("</style></head><body>\n");
        var employees = facts.Facts.Employees.Where(e => dates.Any(d => cells.ContainsKey((e.Id, d)) || unassigned.ContainsKey((e.Id, d))));
        foreach (var top in employees.GroupBy(e => facts.TopUnit(e.Unit)?.Id ?? e.Unit).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.Append("<section>\n<h1>").Append(Html(title)).Append("</h1>\n<h2>Perangkat daerah: ").Append(Html(UnitName(facts, top.Key))).Append("</h2>\n");
            sb.Append("<table><thead><tr><th>Pegawai</th><th>Unit kerja</th><th>Ketentuan</th>");
            foreach (var d in dates) sb.Append("<th>").Append(Weekdays[(int)d.DayOfWeek - 1]).Append("<br>").Append(d.Day).Append("</th>");
            sb.Append("</tr></thead><tbody>\n");
            foreach (var e in top.OrderBy(e => UnitName(facts, e.Unit), StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal))
            {
                var by = Deciders(e, dates, cells, decidedBy);
                sb.Append("<tr><td class=\"name\">").Append(Html(e.Id)).Append("</td><td class=\"name\">").Append(Html(UnitName(facts, e.Unit)))
                  .Append("</td><td class=\"name\">").Append(Html(by)).Append("</td>");
                foreach (var d in dates)
                {
                    if (cells.TryGetValue((e.Id, d), out var p))
                        sb.Append(p switch { RosterPlace.Office => "<td class=\"kantor\">K</td>", RosterPlace.Home => "<td class=\"rumah\">R</td>", _ => "<td class=\"libur\">L</td>" });
                    else if (unassigned.TryGetValue((e.Id, d), out var unknown))
                        sb.Append("<td class=\"kurang\" title=\"data kurang: ").Append(Html(string.Join(", ", unknown))).Append("\">?</td>");
                    else sb.Append("<td></td>");
                }
                sb.Append("</tr>\n");
            }
            sb.Append("</tbody></table>\n");
            Quotas(sb, roster, facts, top.Key, dates);
            sb.Append("<p>K = kantor, R = rumah, L = libur, ? = data kurang. Kuota: jumlah di tempat kuota / kuota hari itu (≤ = paling banyak).</p>\n</section>\n");
        }
        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    /// <summary>Each pool of the perangkat daerah: per day, how many are at the quota's place against the quota.</summary>
    private static void Quotas(StringBuilder sb, Roster roster, FactIndex facts, string top, List<LocalDate> dates)
    {
        var pools = roster.Pools.Where(p => (facts.TopUnit(p.Unit)?.Id ?? p.Unit) == top).GroupBy(p => (p.Group, p.Unit)).OrderBy(g => g.Key).ToList();
        if (pools.Count == 0) return;
        sb.Append("<table><thead><tr><th>Kelompok kuota</th><th>Dihitung di</th><th>Tempat</th>");
        foreach (var d in dates) sb.Append("<th>").Append(d.Day).Append("</th>");
        sb.Append("</tr></thead><tbody>\n");
        foreach (var pool in pools)
        {
            var byDate = pool.ToDictionary(p => p.Date);
            var place = pool.First().Place == QuotaPlace.Office ? "kantor" : "rumah";
            sb.Append("<tr><td class=\"name\">").Append(Html(pool.Key.Group)).Append("</td><td class=\"name\">").Append(Html(UnitName(facts, pool.Key.Unit)))
              .Append("</td><td>").Append(place).Append("</td>");
            foreach (var d in dates)
            {
                if (!byDate.TryGetValue(d, out var day)) { sb.Append("<td></td>"); continue; }
                sb.Append(day.Holds ? "<td>" : "<td class=\"lewat\">").Append(day.AtPlace).Append('/').Append(day.AtMost ? "≤" : "").Append(day.Quota).Append("</td>");
            }
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody></table>\n");
    }

    private static string UnitName(FactIndex facts, string id) => facts.Unit(id)?.Name ?? id;

    private static string Html(string s) => WebUtility.HtmlEncode(s);
}
