using System.CommandLine;

namespace WorkPolicy.Cli.Commands;

/// <summary><c>workpolicy explain</c>: one decision with every provision considered and what overrode what (<see cref="PolicyEngine.Explain"/>).</summary>
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
            if (Shared.LoadRules(io, parse.GetValue(paths)!) is not { } engine) return WorkPolicyCommand.InputErrors;
            if (Shared.LoadFacts(io, engine, parse.GetValue(facts)!) is not { } f) return WorkPolicyCommand.InputErrors;
            var id = parse.GetValue(employee)!;
            if (!f.Contains(id))
            {
                io.Err.WriteLine($"workpolicy: employee '{id}' is not in {f.Name}");
                return WorkPolicyCommand.InputErrors;
            }
            var explanation = engine.Explain(f, id, date);
            if (parse.GetValue(format) == "json")
            {
                using var ms = new MemoryStream();
                explanation.WriteJson(ms);
                io.Out.WriteLine(System.Text.Encoding.UTF8.GetString(ms.ToArray()));
            }
            else explanation.WriteText(io.Out);
            return WorkPolicyCommand.Ok;
        });
        return command;
    }
}
