using WorkPolicy.Rules.Evaluation.Memo;
using System.CommandLine;
using System.Text;
using System.Text.Json;
using NodaTime;
using WorkPolicy.Cli.Output;
using WorkPolicy.Dsl.Dsl;
using WorkPolicy.Dsl.Loading;
using WorkPolicy.Dsl.Printing;
using WorkPolicy.Rules.Attendance;
using WorkPolicy.Rules.Diagnostics;
using WorkPolicy.Rules.Evaluation;
using WorkPolicy.Rules.Facts;
using WorkPolicy.Rules.Rostering;

namespace WorkPolicy.Cli.Commands;

/// <summary><c>workpolicy attendance PATH --facts F --from D1 --to D2</c>: check-in windows met or missed per WFH day.</summary>
internal static class AttendanceCommand
{
    public static Command Create(CliIO io)
    {
        var paths = Shared.Paths();
        var facts = Shared.Facts();
        var from = new Option<string>("--from") { Description = "first date", Required = true };
        var to = new Option<string>("--to") { Description = "last date (inclusive)", Required = true };
        var roster = new Option<string>("--roster") { Description = "the roster that says which rotation days are at home (default: the planned roster)" };
        var format = Shared.Format();
        var command = new Command("attendance", "Report, per employee and WFH day, each required check-in window met or missed, with totals per unit") { paths, facts, from, to, roster, format };
        command.SetAction(parse =>
        {
            var dates = Shared.Dates(null, parse.GetValue(from), parse.GetValue(to));
            if (Shared.LoadRules(io, parse.GetValue(paths)!) is not { } rules) return WorkPolicyCommand.InputErrors;
            if (Shared.LoadIndex(io, parse.GetValue(facts)!, rules) is not { } index) return WorkPolicyCommand.InputErrors;
            var f = index.Facts;
            var interval = new DateInterval(dates[0], dates[^1]);
            var evaluator = new MemoizedEvaluator(new Evaluator(rules, index));
            Roster plan;
            if (parse.GetValue(roster) is { } rosterPath)
            {
                var diagnostics = new List<Diagnostic>();
                if (SourceText.Read(rosterPath, diagnostics) is not { } text || RosterFiles.Read(rosterPath, text, diagnostics) is not { } given || diagnostics.Count > 0)
                {
                    Shared.Print(io, diagnostics);
                    return WorkPolicyCommand.InputErrors;
                }
                plan = new Roster([.. given], [], []);
            }
            else plan = RosterPlanner.Plan(evaluator, f.Employees, interval);
            var report = AttendanceChecker.Check(evaluator, f.Employees, interval, plan);
            if (parse.GetValue(format) == "json") io.Out.WriteLine(Json(report));
            else Table(io.Out, report);
            return WorkPolicyCommand.Ok;
        });
        return command;
    }

    private static void Table(TextWriter w, AttendanceReport report)
    {
        foreach (var d in report.Days)
        {
            var cells = d.Windows.Select(c => $"{DslPrinter.WindowText(c.Window)} {(c.Met ? "met " + Values.Text(c.At!.Value) : "MISSED")}");
            w.WriteLine($"{d.Employee}  {Values.Text(d.Date)}  {d.Unit}  {string.Join("; ", cells)}");
        }
        w.WriteLine();
        w.WriteLine("UNIT  REQUIRED  MET  MISSED");
        foreach (var u in report.Units) w.WriteLine($"{u.Unit}  {u.Required}  {u.Met}  {u.Missed}");
    }

    private static string Json(AttendanceReport report)
    {
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("days");
            foreach (var d in report.Days)
            {
                w.WriteStartObject();
                w.WriteString("employee", d.Employee);
                w.WriteString("unit", d.Unit);
                w.WriteString("date", Values.Text(d.Date));
                w.WriteString("zone", d.Zone);
                w.WriteStartArray("windows");
                foreach (var c in d.Windows)
                {
                    w.WriteStartObject();
                    w.WriteString("from", Values.Text(c.Window.From));
                    w.WriteString("to", Values.Text(c.Window.To));
                    w.WriteBoolean("met", c.Met);
                    if (c.At is { } at) w.WriteString("at", Values.Text(at));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("units");
            foreach (var u in report.Units)
            {
                w.WriteStartObject();
                w.WriteString("unit", u.Unit);
                w.WriteNumber("required", u.Required);
                w.WriteNumber("met", u.Met);
                w.WriteNumber("missed", u.Missed);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
