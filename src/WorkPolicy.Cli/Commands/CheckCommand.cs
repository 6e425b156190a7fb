using WorkPolicy.Rules.Model;
using System.CommandLine;
using WorkPolicy.Dsl.Loading;
using WorkPolicy.Rules.Ast;
using WorkPolicy.Rules.Checking;
using WorkPolicy.Rules.Diagnostics;
using WorkPolicy.Rules.Evaluation;

namespace WorkPolicy.Cli.Commands;

/// <summary><c>workpolicy check PATH...</c>: parse and validate rule files and facts files.</summary>
internal static class CheckCommand
{
    public static Command Create(CliIO io)
    {
        var paths = Shared.Paths("rule files, facts files (*.facts.yaml) or folders");
        var analyze = new Option<bool>("--analyze") { Description = "walk every class of staff on every stretch of dates: staff no provision decides, provisions that never decide, shares small pools cannot meet" };
        var command = new Command("check", "Parse and validate rule files (DSL and YAML) and facts files; print diagnostics") { paths, analyze };
        command.SetAction(parse => Run(io, parse.GetValue(paths)!, parse.GetValue(analyze)));
        return command;
    }

    private static int Run(CliIO io, string[] paths, bool analyze)
    {
        var factsPaths = paths.Where(p => File.Exists(p) && RuleLoader.IsFactsOrTests(p)).ToList();
        var all = new List<Diagnostic>();
        var files = 0;
        var circulars = 0;
        Vocabulary? vocabulary = null;
        foreach (var group in RuleSetGroups(paths.Except(factsPaths).ToList()))
        {
            var linked = RuleLoader.LoadRuleSet(group);
            all.AddRange(linked.Diagnostics);
            if (linked.Model is { } model)
            {
                var compiled = CompiledRules.Compile(model);
                all.AddRange(ConflictChecker.Check(compiled));
                // The walk finds the gaps the plain search finds, by date and region, and more besides.
                all.AddRange(analyze ? Rules.Analysis.Analyzer.Analyze(compiled) : ConflictChecker.Gaps(compiled));
            }
            files += linked.Files.Length;
            circulars += linked.CircularCount;
            vocabulary ??= linked.Vocabulary.Fields.Count > 0 ? linked.Vocabulary : null;
        }
        foreach (var f in factsPaths)
        {
            files++;
            if (SourceText.Read(f, all, Limits.MaxFactsBytes) is { } text) all.AddRange(Dsl.Facts.FactsLoader.Load(f, text, vocabulary).Diagnostics);
        }
        Shared.Print(io, all);
        var errors = all.Count(d => d.Severity == Severity.Error);
        var warnings = all.Count - errors;
        io.Out.WriteLine($"checked {files} file(s), {circulars} circular(s): {errors} error(s), {warnings} warning(s)");
        return errors > 0 ? WorkPolicyCommand.InputErrors : WorkPolicyCommand.Ok;
    }

    /// <summary>
    /// Each folder is a rule set of its own (the DSL folder and its YAML twin are checked apart);
    /// files named one by one form one set. Either gets the nearest vocabulary if it has none.
    /// </summary>
    private static IEnumerable<IReadOnlyList<string>> RuleSetGroups(List<string> paths)
    {
        foreach (var folder in paths.Where(Directory.Exists)) yield return [folder];
        var files = paths.Where(p => !Directory.Exists(p)).ToList();
        if (files.Count > 0) yield return files;
    }
}
