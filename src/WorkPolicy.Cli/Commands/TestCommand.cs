using System.Collections.Immutable;
using System.CommandLine;
using WorkPolicy.Cli.Output;
using WorkPolicy.Dsl.Dsl;
using WorkPolicy.Dsl.Testing;
using WorkPolicy.Rules.Ast;
using WorkPolicy.Rules.Diagnostics;

namespace WorkPolicy.Cli.Commands;

/// <summary><c>workpolicy test PATH...</c>: run analysts' test files and report pass/fail with line numbers.</summary>
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
        command.SetAction(parse => Run(io, parse.GetValue(paths)!, new Options(
            parse.GetValue(coverage) || parse.GetValue(threshold) is not null || parse.GetValue(json) is not null || parse.GetValue(mutations),
            parse.GetValue(threshold), parse.GetValue(mutations), parse.GetValue(json))));
        return command;
    }

    private sealed record Options(bool Coverage, decimal? Threshold, bool Mutations, string? Json);

    private static int Run(CliIO io, string[] paths, Options options)
    {
        if (options.Threshold is < 0 or > 100) throw new UsageException($"--threshold {options.Threshold} is not a percentage (0 to 100)");
        var diagnostics = new List<Diagnostic>();
        var runner = new AnalystTestRunner(options.Coverage);
        int passed = 0, failed = 0;
        foreach (var path in paths.SelectMany(p => AnalystTestLoader.Expand(p, diagnostics)).Distinct())
        {
            if (AnalystTestLoader.Load(path, diagnostics) is not { } file)
            {
                // A test file that cannot be read runs no case: it counts as one failure, so the summary shows it.
                failed++;
                io.Out.WriteLine($"{path}\n  FAIL  the file cannot be read as a test file (printed below)");
                continue;
            }
            io.Out.WriteLine(path);
            foreach (var r in runner.Run(file, diagnostics))
            {
                if (r.Passed)
                {
                    passed++;
                    io.Out.WriteLine($"  ok    {r.Case.Name} [{r.RuleSet}]");
                    continue;
                }
                failed++;
                io.Out.WriteLine($"  FAIL  {r.Case.Name} [{r.RuleSet}]");
                foreach (var f in r.Failures)
                    io.Out.WriteLine($"        {r.Case.Span.Path}({r.Case.Span.Line},{r.Case.Span.Column}): {r.Case.Employee} on {Values.Text(r.Case.Date)}: {f}");
            }
        }
        if (failed == 0 && diagnostics.Any(d => d.Severity == Severity.Error))
        {
            failed++;
            io.Out.WriteLine("  FAIL  errors in the files below keep cases from running");
        }
        Shared.Print(io, diagnostics.Distinct());
        var below = options.Coverage ? Report(io, runner, options) : [];
        io.Out.WriteLine($"{passed} passed, {failed} failed{(below.Count > 0 ? $"; coverage below {options.Threshold} % in {string.Join(", ", below)}" : "")}");
        return failed > 0 || below.Count > 0 ? WorkPolicyCommand.InputErrors : WorkPolicyCommand.Ok;
    }

    /// <summary>Prints (and writes as JSON) coverage and mutations; the rule sets below the threshold.</summary>
    private static List<string> Report(CliIO io, AnalystTestRunner runner, Options options)
    {
        var sets = new List<RuleSetCoverage>();
        foreach (var run in runner.RuleSets.Values.Where(r => r.Coverage is not null).OrderBy(r => r.Path, StringComparer.Ordinal))
        {
            var mutants = new List<(Rules.Mutation.Mutant, MutantOutcome)>();
            if (options.Mutations)
            {
                var all = Rules.Mutation.Mutants.Of(run.Linked.Files).ToList();
                // Each mutant is linked, compiled and run on every passing case: a bar shows the way (size: cases run).
                ProgressDisplay.Run(io, "mutants", all.Count, (long)all.Count * run.Passing.Count, progress =>
                {
                    foreach (var m in all)
                    {
                        mutants.Add((m, AnalystTestRunner.Try(run, m)));
                        progress?.Report(mutants.Count);
                    }
                    return 0;
                });
            }
            sets.Add(new RuleSetCoverage(CoverageReport.Rel(run.Path), run.Coverage!.Lines(), mutants));
        }
        CoverageReport.Text(io.Out, sets);
        if (options.Json is { } json) AtomicFile.Write(json, CoverageReport.Json(sets));
        return options.Threshold is { } t ? [.. sets.Where(s => s.Percent < t).Select(s => s.RuleSet)] : [];
    }
}
