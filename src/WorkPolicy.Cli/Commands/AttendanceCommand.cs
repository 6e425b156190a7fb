using System.CommandLine;

namespace WorkPolicy.Cli.Commands;

/// <summary><c>workpolicy attendance PATH --facts F --from D1 --to D2</c>: check-in windows met or missed per WFH day (<see cref="Rosters.Attendance"/>).</summary>
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
            var (first, last) = Shared.Dates(null, parse.GetValue(from), parse.GetValue(to));
            if (Shared.LoadRules(io, parse.GetValue(paths)!) is not { } engine) return WorkPolicyCommand.InputErrors;
            if (Shared.LoadFacts(io, engine, parse.GetValue(facts)!) is not { } f) return WorkPolicyCommand.InputErrors;
            IReadOnlyList<RosterEntry>? entries = null;
            if (parse.GetValue(roster) is { } rosterPath)
            {
                var given = Rosters.Read(rosterPath);
                if ((entries = given.Value) is null)
                {
                    Shared.Print(io, given.Diagnostics);
                    return WorkPolicyCommand.InputErrors;
                }
            }
            var report = engine.Rosters.Attendance(f, first, last, entries);
            if (parse.GetValue(format) == "json") Shared.WriteJson(io, report);
            else report.WriteText(io.Out);
            return WorkPolicyCommand.Ok;
        });
        return command;
    }
}
