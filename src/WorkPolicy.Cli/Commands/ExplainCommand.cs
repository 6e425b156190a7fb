using System.CommandLine;
using WorkPolicy.Dsl.Dsl;
using WorkPolicy.Dsl.Printing;
using WorkPolicy.Rules.Ast;
using WorkPolicy.Rules.Evaluation;
using WorkPolicy.Rules.Facts;

namespace WorkPolicy.Cli.Commands;

/// <summary><c>workpolicy explain</c>: one decision with every provision considered and what overrode what.</summary>
internal static class ExplainCommand
{
    public static Command Create(CliIO io)
    {
        var paths = Shared.Paths();
        var facts = Shared.Facts();
        var employee = new Option<string>("--employee") { Description = "employee id", Required = true };
        var on = new Option<string>("--on") { Description = "date (yyyy-mm-dd)", Required = true };
        var format = Shared.Format();
        var command = new Command("explain", "Explain one decision: every provision considered, why it applied or not, what overrode what") { paths, facts, employee, on, format };
        command.SetAction(parse =>
        {
            var date = Shared.Date(parse.GetValue(on), "--on");
            if (Shared.LoadRules(io, parse.GetValue(paths)!) is not { } rules) return WorkPolicyCommand.InputErrors;
            if (Shared.LoadIndex(io, parse.GetValue(facts)!, rules) is not { } index) return WorkPolicyCommand.InputErrors;
            var f = index.Facts;
            var id = parse.GetValue(employee)!;
            if (f.Employees.FirstOrDefault(e => e.Id == id) is not { } e)
            {
                io.Err.WriteLine($"workpolicy: employee '{id}' is not in {f.Path}");
                return WorkPolicyCommand.InputErrors;
            }
            var trace = new List<TraceEntry>();
            var decision = new Evaluator(rules, index).Decide(index.Row(e), date, trace);
            if (parse.GetValue(format) == "json") EvalCommand.Write(io, "json", [decision], trace);
            else WriteText(io.Out, decision, trace);
            return WorkPolicyCommand.Ok;
        });
        return command;
    }

    private static void WriteText(TextWriter w, Decision d, List<TraceEntry> trace)
    {
        w.WriteLine($"{d.Employee} on {Values.Text(d.Date)} ({d.Date.DayOfWeek}): {d.Mode.Word()}");
        if (d.Circulars.Length > 0) w.WriteLine($"  in force: {string.Join(", ", d.Circulars)}");
        foreach (var p in d.Provisions) w.WriteLine($"  by {p.Circular}/{p.Id} — {p.Cite}");
        if (d.Pool is { } pool) w.WriteLine($"  pool: {pool.Group} of {pool.Unit}, {Values.Text(pool.Percent)}% {(pool.Place == QuotaPlace.Office ? "at the office" : "at home")}, rounding {DslPrinter.RoundingWord(pool.Rounding)}");
        foreach (var o in d.Obligations)
        {
            var details = string.Join(", ", o.Properties.Select(p => $"{p.Key} {DslPrinter.ValueText(p.Value)}"));
            var windows = o.Windows is { } ws ? $" windows {(ws.Length == 0 ? "none today" : string.Join(", ", ws.Select(DslPrinter.WindowText)))} ({o.Zone})" : "";
            w.WriteLine($"  must: {o.Kind}{(details.Length > 0 ? " — " + details : "")}{windows}");
        }
        if (d.Unknown.Length > 0) w.WriteLine($"  needs facts: {string.Join(", ", d.Unknown)}");
        w.WriteLine("trace:");
        foreach (var t in trace)
        {
            var who = t.Provision is null ? t.Circular : $"{t.Circular}/{t.Provision}";
            w.WriteLine($"  [{t.Outcome}] {(who.Length > 0 ? who + ": " : "")}{t.Reason}");
        }
    }
}
