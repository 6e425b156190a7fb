using WorkPolicy.Rules.Evaluation.Memo;
using System.CommandLine;
using NodaTime;
using WorkPolicy.Cli.Output;
using WorkPolicy.Dsl.Dsl;
using WorkPolicy.Dsl.Loading;
using WorkPolicy.Rules.Diagnostics;
using WorkPolicy.Rules.Evaluation;
using WorkPolicy.Rules.Facts;
using WorkPolicy.Rules.Rostering;

namespace WorkPolicy.Cli.Commands;

/// <summary><c>workpolicy roster PATH --facts F --from D1 --to D2</c>: plan a roster, or <c>--check ROSTER</c> an existing one.</summary>
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
            var dates = Shared.Dates(null, parse.GetValue(from), parse.GetValue(to));
            if (Shared.LoadRules(io, parse.GetValue(paths)!) is not { } rules) return WorkPolicyCommand.InputErrors;
            if (Shared.LoadIndex(io, parse.GetValue(facts)!, rules) is not { } index) return WorkPolicyCommand.InputErrors;
            var f = index.Facts;
            var interval = new DateInterval(dates[0], dates[^1]);
            var evaluator = new MemoizedEvaluator(new Evaluator(rules, index));
            if (parse.GetValue(check) is { } rosterPath) return Check(io, evaluator, f, interval, rosterPath);
            var roster = ProgressDisplay.Run(io, "roster", interval.Length, (long)f.Employees.Length * interval.Length,
                progress => RosterPlanner.Plan(evaluator, f.Employees, interval, progress));
            switch (parse.GetValue(format))
            {
                case "json": io.Out.WriteLine(RosterFiles.Json(roster)); break;
                case "html":
                    io.Out.Write(RosterHtml.Render(roster, index, interval.Start, interval.End, (e, d) =>
                        evaluator.Classify(index.Row(e), d) is { Provision: >= 0 } v ? $"{rules.Circulars[v.Circular].Model.Id}/{rules.Circulars[v.Circular].Deciding[v.Provision].Model.Id}" : null));
                    break;
                default: RosterFiles.Table(io.Out, roster); break;
            }
            return WorkPolicyCommand.Ok;
        });
        return command;
    }

    private static int Check(CliIO io, MemoizedEvaluator evaluator, FactsFile facts, DateInterval dates, string rosterPath)
    {
        var diagnostics = new List<Diagnostic>();
        if (SourceText.Read(rosterPath, diagnostics) is not { } text || RosterFiles.Read(rosterPath, text, diagnostics) is not { } assignments || diagnostics.Count > 0)
        {
            Shared.Print(io, diagnostics);
            return WorkPolicyCommand.InputErrors;
        }
        var known = facts.Employees.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var stranger in assignments.Select(a => a.Employee).Where(e => !known.Contains(e)).Distinct().Order(StringComparer.Ordinal))
            io.Out.WriteLine($"employee '{stranger}' is in the roster but not in the facts");
        var violations = RosterChecker.Check(evaluator, facts.Employees, dates, assignments);
        foreach (var v in violations)
        {
            var where = string.Join(" ", new[] { v.Date is { } d ? Values.Text(d) : null, v.Employee, v.Pool }.Where(x => x is not null));
            io.Out.WriteLine($"{where}: {v.Message}");
        }
        io.Out.WriteLine($"{violations.Length} violation(s)");
        return violations.Length > 0 ? WorkPolicyCommand.InputErrors : WorkPolicyCommand.Ok;
    }
}
