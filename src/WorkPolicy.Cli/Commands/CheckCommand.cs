using System.CommandLine;

namespace WorkPolicy.Cli.Commands;

/// <summary><c>workpolicy check PATH...</c>: parse and validate rule files and facts files (<see cref="PolicyAnalysis.Check"/>).</summary>
internal static class CheckCommand
{
    public static Command Create(CliIO io)
    {
        var paths = Shared.Paths("rule files, facts files (*.facts.yaml) or folders");
        var analyze = new Option<bool>("--analyze") { Description = "walk every class of staff on every stretch of dates: staff no provision decides, provisions that never decide, shares small pools cannot meet" };
        var command = new Command("check", "Parse and validate rule files (DSL and YAML) and facts files; print diagnostics") { paths, analyze };
        command.SetAction((parse, cancel) =>
        {
            var report = PolicyAnalysis.Check(parse.GetValue(paths)!, parse.GetValue(analyze), cancel);
            foreach (var d in report.Diagnostics) io.Err.WriteLine(d.ToString());
            io.Out.WriteLine(report.Summary);
            return Task.FromResult(report.HasErrors ? WorkPolicyCommand.InputErrors : WorkPolicyCommand.Ok);
        });
        return command;
    }
}
