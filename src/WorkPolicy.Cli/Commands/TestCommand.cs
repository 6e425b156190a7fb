using System.Collections.Immutable;
using System.CommandLine;
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
        var command = new Command("test", "Run analysts' test files: cases with facts, date and expected decision") { paths };
        command.SetAction(parse => Run(io, parse.GetValue(paths)!));
        return command;
    }

    private static int Run(CliIO io, string[] paths)
    {
        var diagnostics = new List<Diagnostic>();
        var cache = new Dictionary<string, (Rules.Checking.Linked, Rules.Evaluation.CompiledRules?)>(StringComparer.Ordinal);
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
            foreach (var r in AnalystTestRunner.Run(file, diagnostics, cache))
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
        io.Out.WriteLine($"{passed} passed, {failed} failed");
        return failed > 0 ? WorkPolicyCommand.InputErrors : WorkPolicyCommand.Ok;
    }
}
