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
        var verbose = new Option<bool>("--verbose") { Description = "say how the facts were read (streamed, or held when employees come before facts decisions read) and how long each stage took" };
        var command = new Command("eval", "Decide work mode, obligations and pool per employee and date") { paths, facts, on, from, to, employee, format, missing, verbose };
        command.SetAction((parse, cancel) => Task.FromResult(Run(io, parse, cancel)));
        return command;

        int Run(CliIO io, ParseResult parse, CancellationToken cancel)
        {
            var timer = new StageTimer(io.Err, parse.GetValue(verbose));
            var (first, last) = Shared.Dates(parse.GetValue(on), parse.GetValue(from), parse.GetValue(to));
            if (Shared.LoadRules(io, parse.GetValue(paths)!, timer) is not { } engine) return WorkPolicyCommand.InputErrors;
            var days = Period.DaysBetween(first, last) + 1;
            // Everyone's decisions: the facts are read as a stream, employees decided and written as they are read.
            if (!parse.GetValue(missing) && parse.GetValue(employee) is null) return Streamed(engine, parse.GetValue(facts)!, first, last, days);
            if (Shared.LoadFacts(io, engine, parse.GetValue(facts)!) is not { } f) return WorkPolicyCommand.InputErrors;
            timer.Mark("facts");
            if (parse.GetValue(missing))
            {
                var only = parse.GetValue(employee);
                var count = only is null ? f.Employees.Count : 1;
                var report = ProgressDisplay.Run(io, "missing facts", count, (long)count * days, progress => engine.Analysis.MissingFacts(f, first, last, only, progress, cancel));
                if (parse.GetValue(format) == "json") Shared.WriteJson(io, report);
                else report.WriteText(io.Out);
                return WorkPolicyCommand.Ok;
            }
            var id = parse.GetValue(employee)!;
            if (!f.Contains(id))
            {
                io.Err.WriteLine($"workpolicy: employee '{id}' is not in {f.Name}");
                return WorkPolicyCommand.InputErrors;
            }
            Write(io, parse.GetValue(format), [.. new DateInterval(first, last).Select(d => engine.Decide(f, id, d))]);
            timer.Mark("decide and write");
            timer.Report();
            return WorkPolicyCommand.Ok;

            int Streamed(PolicyEngine engine, string path, LocalDate first, LocalDate last, int days)
            {
                var opened = engine.Facts.Open(path);
                if (opened.Value is not { } stream)
                {
                    Shared.Print(io, opened.Diagnostics);
                    return WorkPolicyCommand.InputErrors;
                }
                using (stream)
                {
                    timer.Mark("facts before the employees");
                    if (stream.Buffered)
                        timer.Say($"facts: the employees were held in memory (a key decisions read, such as units, comes after them in {path}); put employees last to stream them");
                    var size = new FileInfo(path).Length;
                    // Decisions stream from the engine to the writer a block of employees at a time,
                    // employee by employee (each employee's dates in order); the count of employees is not known ahead.
                    ProgressDisplay.Run(io, "eval", 0, size / 100 * days, progress =>
                    {
                        Write(io, parse.GetValue(format), engine.DecideAll(stream, first, last, cancel, progress));
                        return 0;
                    });
                    if (!stream.Buffered) timer.Say($"facts: streamed; {stream.EmployeesRead:N0} employees read and decided");
                    timer.Mark("read, decide and write");
                    timer.Report();
                    // Employees with errors of their own were left out and are named here; the exit code says so.
                    Shared.Print(io, stream.Diagnostics);
                    return stream.HasErrors ? WorkPolicyCommand.InputErrors : WorkPolicyCommand.Ok;
                }
            }
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
        Shared.WriteUtf8(io, stream => PolicyJson.WriteDecisions(stream, decisions));
    }
}
