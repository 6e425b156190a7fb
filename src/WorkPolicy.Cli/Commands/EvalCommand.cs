using System.CommandLine;
using NodaTime;
using WorkPolicy.Cli.Output;

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
        command.SetAction((parse, cancel) => Task.FromResult(Run(io, parse, cancel)));
        return command;

        int Run(CliIO io, ParseResult parse, CancellationToken cancel)
        {
            var timer = new StageTimer(io.Err);
            var (first, last) = Shared.Dates(parse.GetValue(on), parse.GetValue(from), parse.GetValue(to));
            if (Shared.LoadRules(io, parse.GetValue(paths)!, timer) is not { } engine) return WorkPolicyCommand.InputErrors;
            if (Shared.LoadFacts(io, engine, parse.GetValue(facts)!) is not { } f) return WorkPolicyCommand.InputErrors;
            timer.Mark("facts");
            var days = Period.DaysBetween(first, last) + 1;
            if (parse.GetValue(missing))
            {
                var only = parse.GetValue(employee);
                var count = only is null ? f.Employees.Count : 1;
                var report = ProgressDisplay.Run(io, "missing facts", count, (long)count * days, progress => engine.MissingFacts(f, first, last, only, progress, cancel));
                if (parse.GetValue(format) == "json") Shared.WriteJson(io, report);
                else report.WriteText(io.Out);
                return WorkPolicyCommand.Ok;
            }
            if (parse.GetValue(employee) is { } id)
            {
                if (!f.Contains(id))
                {
                    io.Err.WriteLine($"workpolicy: employee '{id}' is not in {f.Name}");
                    return WorkPolicyCommand.InputErrors;
                }
                Write(io, parse.GetValue(format), [.. new DateInterval(first, last).Select(d => engine.Decide(f, id, d))]);
            }
            else
            {
                // Decisions stream from the engine to the writer a block of employees at a time,
                // employee by employee (each employee's dates in order).
                var total = f.Employees.Count;
                ProgressDisplay.Run(io, "eval", total, (long)total * days, progress =>
                {
                    Write(io, parse.GetValue(format), engine.DecideAll(f, first, last, cancel, progress));
                    return 0;
                });
            }
            timer.Mark("decide and write");
            timer.Report();
            return WorkPolicyCommand.Ok;
        }
    }

    public static void Write(CliIO io, string? format, IEnumerable<Decision> decisions)
    {
        if (format != "json")
        {
            PolicyJson.WriteTable(io.Out, decisions as IReadOnlyList<Decision> ?? [.. decisions]);
            return;
        }
        // Large outputs go straight to the byte stream instead of through one big string.
        if (ReferenceEquals(io.Out, Console.Out))
        {
            io.Out.Flush();
            using var stdout = Console.OpenStandardOutput();
            PolicyJson.WriteDecisions(stdout, decisions);
            stdout.WriteByte((byte)'\n');
            return;
        }
        if (io.Out is StreamWriter { Encoding: System.Text.UTF8Encoding } file)
        {
            file.Flush();
            PolicyJson.WriteDecisions(file.BaseStream, decisions);
            file.BaseStream.WriteByte((byte)'\n');
            return;
        }
        using var ms = new MemoryStream();
        PolicyJson.WriteDecisions(ms, decisions);
        io.Out.WriteLine(System.Text.Encoding.UTF8.GetString(ms.ToArray()));
    }
}
