using System.CommandLine;

namespace WorkPolicy.Cli.Commands;

/// <summary><c>workpolicy generate --employees N</c>: a realistic facts file of any size, for benchmarks and trials (<see cref="SyntheticFacts.Write"/>).</summary>
internal static class GenerateCommand
{
    public static Command Create(CliIO io)
    {
        var employees = new Option<int>("--employees") { Description = "how many employees", Required = true };
        var seed = new Option<int>("--seed") { Description = "random seed (same seed, same file)", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--output", "-o") { Description = "write here (atomically) instead of standard output" };
        var format = new Option<string>("--format") { Description = "yaml or json (JSON loads much faster for large files)", DefaultValueFactory = _ => "yaml" }.AcceptOnlyFromAmong("yaml", "json");
        var command = new Command("generate", "Generate a realistic facts file for all six regions") { employees, seed, output, format };
        command.SetAction(parse =>
        {
            var n = parse.GetValue(employees);
            if (n is < 0 or > SyntheticFacts.MaxStreamedEmployees) throw new UsageException($"--employees must be between 0 and {SyntheticFacts.MaxStreamedEmployees:N0}");
            var json = parse.GetValue(format) == "json";
            // Written as made: a national population is never held.
            if (parse.GetValue(output) is { } o) return Shared.WriteFile(io, o, w => SyntheticFacts.Write(w, n, parse.GetValue(seed), json));
            SyntheticFacts.Write(io.Out, n, parse.GetValue(seed), json);
            return WorkPolicyCommand.Ok;
        });
        return command;
    }
}
