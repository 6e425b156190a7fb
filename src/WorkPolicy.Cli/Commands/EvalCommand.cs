using System.CommandLine;
using WorkPolicy.Cli.Output;
using WorkPolicy.Rules.Evaluation;
using WorkPolicy.Rules.Facts;

namespace WorkPolicy.Cli.Commands;

/// <summary><c>workpolicy eval PATH... --facts F --on D</c>: decisions for every employee (or one) on dates.</summary>
internal static class EvalCommand
{
    public static Command Create(CliIO io)
    {
        var paths = Shared.Paths();
        var facts = Shared.Facts();
        var on = new Option<string>("--on") { Description = "one date (yyyy-mm-dd)" };
        var from = new Option<string>("--from") { Description = "first date of a range" };
        var to = new Option<string>("--to") { Description = "last date of a range (inclusive)" };
        var employee = new Option<string>("--employee") { Description = "only this employee id" };
        var format = Shared.Format();
        var command = new Command("eval", "Decide work mode, obligations and pool per employee and date") { paths, facts, on, from, to, employee, format };
        command.SetAction(parse =>
        {
            var dates = Shared.Dates(parse.GetValue(on), parse.GetValue(from), parse.GetValue(to));
            if (Shared.LoadRules(io, parse.GetValue(paths)!) is not { } rules) return WorkPolicyCommand.InputErrors;
            if (Shared.LoadFacts(io, parse.GetValue(facts)!, rules.Rules) is not { } f) return WorkPolicyCommand.InputErrors;
            var employees = f.Employees.AsEnumerable();
            if (parse.GetValue(employee) is { } id)
            {
                employees = employees.Where(e => e.Id == id).ToList();
                if (!employees.Any())
                {
                    io.Err.WriteLine($"workpolicy: employee '{id}' is not in {f.Path}");
                    return WorkPolicyCommand.InputErrors;
                }
            }
            var evaluator = new Evaluator(rules, new FactIndex(f));
            var decisions = new List<Decision>();
            foreach (var e in employees)
            {
                foreach (var d in dates) decisions.Add(evaluator.Decide(e, d));
            }
            Write(io, parse.GetValue(format), decisions);
            return WorkPolicyCommand.Ok;
        });
        return command;
    }

    public static void Write(CliIO io, string? format, IReadOnlyList<Decision> decisions, IReadOnlyList<TraceEntry>? trace = null)
    {
        if (format == "json")
        {
            using var ms = new MemoryStream();
            DecisionJson.Write(ms, decisions, trace);
            io.Out.WriteLine(System.Text.Encoding.UTF8.GetString(ms.ToArray()));
        }
        else DecisionTable.Write(io.Out, decisions);
    }
}
