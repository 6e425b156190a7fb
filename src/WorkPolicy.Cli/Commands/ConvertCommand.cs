using System.CommandLine;

namespace WorkPolicy.Cli.Commands;

/// <summary><c>workpolicy convert PATH --to yaml|dsl</c>: the same rules in the other encoding (<see cref="RuleFiles.Convert"/>).</summary>
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
            // The schema comment is written relative to where the text goes: the output file, or the current folder.
            var converted = RuleFiles.Convert(parse.GetValue(path)!, parse.GetValue(to) == "yaml" ? RuleEncoding.Yaml : RuleEncoding.Dsl, parse.GetValue(output));
            return Shared.WriteText(io, converted, parse.GetValue(output));
        });
        return command;
    }
}
