using System.CommandLine;
using WorkPolicy.Cli.Output;

namespace WorkPolicy.Cli.Commands;

/// <summary><c>workpolicy test PATH...</c>: run analysts' test files and report pass/fail with line numbers (<see cref="AnalystTests.Run"/>).</summary>
internal static class TestCommand
{
    public static Command Create(CliIO io)
    {
        var paths = Shared.Paths("test files (*.tests.yaml) or folders holding them (or a tests/ subfolder)");
        var coverage = new Option<bool>("--coverage") { Description = "report which provisions, overrides edges, check-in windows and until branches the cases reach" };
        var threshold = new Option<decimal?>("--threshold") { Description = "with --coverage: fail when a rule set's coverage is below this percentage" };
        var mutations = new Option<bool>("--mutations") { Description = "plant small faults (drop an overrides, flip a comparison, shift a period) and report which the cases notice" };
        var json = new Option<string>("--json") { Description = "write the coverage and mutation report to this JSON file" };
        var command = new Command("test", "Run analysts' test files: cases with facts, date and expected decision") { paths, coverage, threshold, mutations, json };
        command.SetAction((parse, cancel) =>
        {
            var options = new TestOptions
            {
                Coverage = parse.GetValue(coverage) || parse.GetValue(json) is not null,
                Threshold = parse.GetValue(threshold),
                Mutations = parse.GetValue(mutations),
            };
            if (options.Threshold is < 0 or > 100) throw new UsageException($"--threshold {options.Threshold} is not a percentage (0 to 100)");
            // Mutants are linked, compiled and run on every passing case: a spinner with the count shows the way.
            var report = ProgressDisplay.Run(io, "mutants", 0, options.Mutations ? long.MaxValue : 0, progress => AnalystTests.Run(parse.GetValue(paths)!, options, progress, cancel));
            report.WriteCases(io.Out);
            Shared.Print(io, report.Diagnostics);
            report.WriteCoverage(io.Out);
            var unwritten = report.HasCoverage && parse.GetValue(json) is { } path ? Shared.WriteFile(io, path, w => w.Write(report.CoverageJson())) : WorkPolicyCommand.Ok;
            io.Out.WriteLine(report.Summary);
            return Task.FromResult(report.Succeeded && unwritten == WorkPolicyCommand.Ok ? WorkPolicyCommand.Ok : WorkPolicyCommand.InputErrors);
        });
        return command;
    }
}
