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
            var timer = new StageTimer(io.Err);
            var dates = Shared.Dates(parse.GetValue(on), parse.GetValue(from), parse.GetValue(to));
            if (Shared.LoadRules(io, parse.GetValue(paths)!, timer) is not { } rules) return WorkPolicyCommand.InputErrors;
            timer.Mark("compile");
            if (Shared.LoadFacts(io, parse.GetValue(facts)!, rules.Model.Vocabulary) is not { } f) return WorkPolicyCommand.InputErrors;
            timer.Mark("facts");
            var index = new FactIndex(f, rules.Model.Layout);
            timer.Mark("index");
            var decisions = new List<Decision>();
            if (parse.GetValue(employee) is { } id)
            {
                if (f.Employees.FirstOrDefault(e => e.Id == id) is not { } one)
                {
                    io.Err.WriteLine($"workpolicy: employee '{id}' is not in {f.Path}");
                    return WorkPolicyCommand.InputErrors;
                }
                var evaluator = new Evaluator(rules, index);
                decisions.AddRange(dates.Select(d => evaluator.Decide(index.Row(one), d)));
            }
            else
            {
                var batch = new BatchEvaluator(rules, index);
                var perDate = ProgressDisplay.Run(io, "eval", dates.Length, (long)f.Employees.Length * dates.Length, progress =>
                {
                    var all = new List<Decision[]>();
                    foreach (var d in dates)
                    {
                        all.Add(batch.DecideParallel(d));
                        progress?.Report(all.Count);
                    }
                    return all;
                });
                // Employee-major order, the same as for one employee at a time.
                for (var e = 0; e < f.Employees.Length; e++)
                {
                    foreach (var day in perDate) decisions.Add(day[e]);
                }
            }
            timer.Mark("decide");
            Write(io, parse.GetValue(format), decisions);
            timer.Mark("write");
            timer.Report();
            return WorkPolicyCommand.Ok;
        });
        return command;
    }

    public static void Write(CliIO io, string? format, IReadOnlyList<Decision> decisions, IReadOnlyList<TraceEntry>? trace = null)
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
        else DecisionTable.Write(io.Out, decisions);
    }
}
