using System.CommandLine;

namespace WorkPolicy.Cli.Commands;

/// <summary><c>workpolicy fmt PATH... [--check]</c>: rewrite rule files in canonical layout (<see cref="RuleFiles.Format"/>).</summary>
internal static class FmtCommand
{
    public static Command Create(CliIO io)
    {
        var paths = Shared.Paths();
        var check = new Option<bool>("--check") { Description = "only report files that are not in canonical layout" };
        var command = new Command("fmt", "Rewrite rule files in canonical layout (--check only reports)") { paths, check };
        command.SetAction(parse =>
        {
            var checkOnly = parse.GetValue(check);
            var result = RuleFiles.Format(parse.GetValue(paths)!, checkOnly);
            foreach (var file in result.Unformatted) io.Out.WriteLine($"{file}: not in canonical layout");
            foreach (var file in result.Formatted) io.Out.WriteLine($"{file}: formatted");
            Shared.Print(io, result.Diagnostics);
            // Warnings alone (a file left as it is for its comments) exit 0, as for every verb.
            return !result.Succeeded ? WorkPolicyCommand.InputErrors : WorkPolicyCommand.Ok;
        });
        return command;
    }
}
