using System.CommandLine;
using NodaTime;
using WorkPolicy.Cli.Output;

namespace WorkPolicy.Cli.Commands;

/// <summary><c>workpolicy roster PATH --facts F --from D1 --to D2</c>: plan a roster (<see cref="Rosters.Plan"/>), or <c>--check ROSTER</c> an existing one.</summary>
internal static class RosterCommand
{
    public static Command Create(CliIO io)
    {
        var paths = Shared.Paths();
        var facts = Shared.Facts();
        var from = new Option<string>("--from") { Description = "first date", Required = true };
        var to = new Option<string>("--to") { Description = "last date (inclusive)", Required = true };
        var format = new Option<string>("--format") { Description = "json, table or html", DefaultValueFactory = _ => "table" }.AcceptOnlyFromAmong("json", "table", "html");
        var check = new Option<string>("--check") { Description = "validate this roster (CSV employee,date,place or the JSON form) instead of planning one" };
        var command = new Command("roster", "Assign each employee office, home or off per day under the quotas; or check an existing roster") { paths, facts, from, to, format, check };
        command.SetAction(parse =>
        {
            var (first, last) = Shared.Dates(null, parse.GetValue(from), parse.GetValue(to));
            if (Shared.LoadRules(io, parse.GetValue(paths)!) is not { } engine) return WorkPolicyCommand.InputErrors;
            if (Shared.LoadFacts(io, engine, parse.GetValue(facts)!) is not { } f) return WorkPolicyCommand.InputErrors;
            if (parse.GetValue(check) is { } rosterPath)
            {
                // Read as a stream into a byte per employee and day: a roster of any size the command wrote, or an office's.
                var checkedRoster = engine.Rosters.Check(f, first, last, rosterPath);
                if (checkedRoster.Value is not { } report)
                {
                    Shared.Print(io, checkedRoster.Diagnostics);
                    return WorkPolicyCommand.InputErrors;
                }
                report.WriteText(io.Out);
                return report.Holds ? WorkPolicyCommand.Ok : WorkPolicyCommand.InputErrors;
            }
            var days = Period.DaysBetween(first, last) + 1;
            var roster = ProgressDisplay.Run(io, "roster", days, (long)f.Employees.Count * days, progress => engine.Rosters.Plan(f, first, last, progress));
            switch (parse.GetValue(format))
            {
                case "json": Shared.WriteJson(io, roster); break;
                case "html": io.Out.Write(roster.ToHtml()); break;
                default: roster.WriteText(io.Out); break;
            }
            return WorkPolicyCommand.Ok;
        });
        return command;
    }
}
