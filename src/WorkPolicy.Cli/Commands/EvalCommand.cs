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
        var missing = new Option<bool>("--missing") { Description = "instead of decisions: the missing facts, ranked by how many indeterminate decisions each would settle" };
        var command = new Command("eval", "Decide work mode, obligations and pool per employee and date") { paths, facts, on, from, to, employee, format, missing };
        command.SetAction(parse =>
        {
            var timer = new StageTimer(io.Err);
            var dates = Shared.Dates(parse.GetValue(on), parse.GetValue(from), parse.GetValue(to));
            if (Shared.LoadRules(io, parse.GetValue(paths)!, timer) is not { } rules) return WorkPolicyCommand.InputErrors;
            timer.Mark("compile");
            if (Shared.LoadFacts(io, parse.GetValue(facts)!, rules.Model.Vocabulary) is not { } f) return WorkPolicyCommand.InputErrors;
            timer.Mark("facts");
            var index = new FactIndex(f, rules.Model.Layout);
            timer.Mark("index");
            if (parse.GetValue(missing))
            {
                MissingFacts.Write(io, parse.GetValue(format), rules, index, dates, parse.GetValue(employee));
                return WorkPolicyCommand.Ok;
            }
            if (parse.GetValue(employee) is { } id)
            {
                if (index.Row(id) is not { } one)
                {
                    io.Err.WriteLine($"workpolicy: employee '{id}' is not in {f.Path}");
                    return WorkPolicyCommand.InputErrors;
                }
                var evaluator = new Evaluator(rules, index);
                Write(io, parse.GetValue(format), [.. dates.Select(d => evaluator.Decide(one, d))]);
            }
            else
            {
                // Decisions stream from the evaluator to the writer a block of employees at a time,
                // employee by employee (each employee's dates in order).
                var batch = new BatchEvaluator(rules, index);
                ProgressDisplay.Run(io, "eval", f.Employees.Length, (long)f.Employees.Length * dates.Length, progress =>
                {
                    Write(io, parse.GetValue(format), batch.DecideAll(dates, progress));
                    return 0;
                });
            }
            timer.Mark("decide and write");
            timer.Report();
            return WorkPolicyCommand.Ok;
        });
        return command;
    }

    public static void Write(CliIO io, string? format, IEnumerable<Decision> decisions, IReadOnlyList<TraceEntry>? trace = null)
    {
        if (format == "json")
        {
            // Large outputs go straight to the byte stream instead of through one big string.
            if (ReferenceEquals(io.Out, Console.Out))
            {
                io.Out.Flush();
                using var stdout = Console.OpenStandardOutput();
                DecisionJson.Write(stdout, decisions, trace);
                stdout.WriteByte((byte)'\n');
                return;
            }
            if (io.Out is StreamWriter { Encoding: System.Text.UTF8Encoding } file)
            {
                file.Flush();
                DecisionJson.Write(file.BaseStream, decisions, trace);
                file.BaseStream.WriteByte((byte)'\n');
                return;
            }
            using var ms = new MemoryStream();
            DecisionJson.Write(ms, decisions, trace);
            io.Out.WriteLine(System.Text.Encoding.UTF8.GetString(ms.ToArray()));
        }
        else DecisionTable.Write(io.Out, decisions as IReadOnlyList<Decision> ?? [.. decisions]);
    }
}
