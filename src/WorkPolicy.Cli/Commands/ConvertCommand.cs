using System.CommandLine;
using WorkPolicy.Dsl.Loading;
using WorkPolicy.Rules.Diagnostics;

namespace WorkPolicy.Cli.Commands;

/// <summary><c>workpolicy convert PATH --to yaml|dsl</c>: the same rules in the other encoding.</summary>
internal static class ConvertCommand
{
    public static Command Create(CliIO io)
    {
        var path = new Argument<string>("path") { Description = "a rule file (.wp or .yaml)" };
        var to = new Option<string>("--to") { Description = "yaml or dsl", Required = true }.AcceptOnlyFromAmong("yaml", "dsl");
        var output = new Option<string>("--output", "-o") { Description = "write here (atomically) instead of standard output" };
        var command = new Command("convert", "Print a rule file in the other encoding") { path, to, output };
        command.SetAction(parse =>
        {
            var diagnostics = new List<Diagnostic>();
            var file = RuleLoader.LoadFile(parse.GetValue(path)!, diagnostics);
            Shared.Print(io, diagnostics);
            if (file is null || diagnostics.Any(d => d.Severity == Severity.Error)) return WorkPolicyCommand.InputErrors;
            // The schema comment is written relative to where the text goes: the output file, or the current folder.
            var target = parse.GetValue(output) ?? Path.Combine(Directory.GetCurrentDirectory(), "converted.yaml");
            var text = Canonical.Print(file, parse.GetValue(to) == "yaml" ? RuleEncoding.Yaml : RuleEncoding.Dsl, target);
            if (parse.GetValue(output) is { } o) AtomicFile.Write(o, text);
            else io.Out.Write(text);
            return WorkPolicyCommand.Ok;
        });
        return command;
    }
}
