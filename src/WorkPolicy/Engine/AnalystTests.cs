using System.Collections.Immutable;
using System.Text.Json.Serialization;
using NodaTime;
using WorkPolicy.Parsing;
using WorkPolicy.Output;
using WorkPolicy.Testing;
using WorkPolicy.Mutation;

namespace WorkPolicy;

/// <summary>What to measure besides pass and fail when running analysts' tests.</summary>
public sealed record TestOptions
{
    /// <summary>Report which provisions, overrides edges, check-in windows and <c>until</c> branches the cases reach.</summary>
    public bool Coverage { get; init; }

    /// <summary>With coverage: a rule set below this percentage fails the run.</summary>
    public decimal? Threshold { get; init; }

    /// <summary>Plant small faults (drop an overrides, flip a comparison, shift a period) and report which the cases notice (implies coverage).</summary>
    public bool Mutations { get; init; }
}

/// <summary>One case run against one rule set.</summary>
/// <param name="File">The test file.</param>
/// <param name="Name">The case's name.</param>
/// <param name="RuleSet">The rule set it ran on.</param>
/// <param name="Employee">The employee of the case.</param>
/// <param name="Date">The date of the case.</param>
/// <param name="Span">Where the case is written.</param>
/// <param name="Failures">What did not hold; empty when the case passed.</param>
public sealed record TestCaseResult(string File, string Name, string RuleSet, string Employee, LocalDate Date,
    [property: JsonPropertyOrder(2)] SourceSpan Span, [property: JsonPropertyOrder(1)] ValueList<string> Failures)
{
    /// <summary>Whether every expectation held.</summary>
    public bool Passed => Failures.Count == 0;
}

/// <summary>A rule set's coverage and mutation score.</summary>
public sealed record RuleSetScore(string RuleSet, decimal Coverage, int Mutants, int Noticed, decimal MutationScore);

/// <summary>
/// Runs analysts' test files (<c>*.tests.yaml</c>, in a folder or its <c>tests/</c>): every case against every rule
/// set the file names, with coverage and mutants when asked (<c>workpolicy test</c>).
/// </summary>
/// <example>
/// <code>
/// var report = AnalystTests.Run(["samples/circulars"], new TestOptions { Coverage = true, Threshold = 98 });
/// Console.Write(report);            // ok / FAIL per case, coverage, "N passed, M failed"
/// return report.Succeeded ? 0 : 1;
/// </code>
/// </example>
public static class AnalystTests
{
    /// <summary>Runs the test files under <paramref name="paths"/>; <paramref name="mutantProgress"/> counts mutants tried.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is not a percentage.</exception>
    public static TestReport Run(IEnumerable<string> paths, TestOptions? options = null, IProgress<int>? mutantProgress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        options ??= new TestOptions();
        if (options.Threshold is < 0 or > 100) throw new ArgumentOutOfRangeException(nameof(options), $"the threshold {options.Threshold} is not a percentage (0 to 100)");
        var coverage = options.Coverage || options.Threshold is not null || options.Mutations;
        var diagnostics = new List<Diagnostic>();
        var runner = new AnalystTestRunner(coverage);
        var cases = ImmutableArray.CreateBuilder<TestCaseResult>();
        var unreadable = ImmutableArray.CreateBuilder<string>();
        var files = ImmutableArray.CreateBuilder<string>();
        foreach (var path in paths.SelectMany(p => AnalystTestLoader.Expand(p, diagnostics)).Distinct())
        {
            cancellationToken.ThrowIfCancellationRequested();
            files.Add(path);
            if (AnalystTestLoader.Load(path, diagnostics) is not { } file)
            {
                unreadable.Add(path);
                continue;
            }
            foreach (var r in runner.Run(file, diagnostics))
                cases.Add(new TestCaseResult(path, r.Case.Name, r.RuleSet, r.Case.Employee, r.Case.Date, r.Case.Span, r.Failures));
        }
        var sets = new List<RuleSetCoverage>();
        if (coverage)
        {
            var tried = 0;
            foreach (var run in runner.RuleSets.Values.Where(r => r.Coverage is not null).OrderBy(r => r.Path, StringComparer.Ordinal))
            {
                var mutants = new List<(Mutant, MutantOutcome)>();
                if (options.Mutations)
                {
                    foreach (var m in Mutants.Of(run.Linked.Files))
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        mutants.Add((m, AnalystTestRunner.Try(run, m)));
                        mutantProgress?.Report(++tried);
                    }
                }
                sets.Add(new RuleSetCoverage(CoverageReport.Rel(run.Path), run.Coverage!.Lines(), mutants));
            }
        }
        return new TestReport(files.ToImmutable(), cases.ToImmutable(), unreadable.ToImmutable(), [.. diagnostics.Distinct()], sets, coverage ? options.Threshold : null, coverage);
    }

    /// <summary>
    /// Runs one test file held as <paramref name="text"/> (an editor's), with rule files read from <paramref name="unsaved"/>
    /// (texts by full path) before the disk.
    /// </summary>
    public static TestReport RunText(string path, string text, IReadOnlyDictionary<string, string>? unsaved = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var diagnostics = new List<Diagnostic>();
        var cases = ImmutableArray.CreateBuilder<TestCaseResult>();
        if (AnalystTestLoader.Load(path, diagnostics, text) is not { } file)
            return new TestReport([path], [], [path], [.. diagnostics], (IReadOnlyList<RuleSetCoverage>)[], null, false);
        foreach (var r in new AnalystTestRunner(open: unsaved).Run(file, diagnostics))
            cases.Add(new TestCaseResult(path, r.Case.Name, r.RuleSet, r.Case.Employee, r.Case.Date, r.Case.Span, r.Failures));
        return new TestReport([path], cases.ToImmutable(), [], [.. diagnostics.Distinct()], (IReadOnlyList<RuleSetCoverage>)[], null, false);
    }

    /// <summary>What is wrong with a test file held as <paramref name="text"/>, without running it: the file's and each case's problems.</summary>
    public static ValueList<Diagnostic> Diagnose(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var diagnostics = new List<Diagnostic>();
        var file = AnalystTestLoader.Load(path, diagnostics, text);
        return [.. diagnostics.Concat(file?.Cases.SelectMany(c => c.Problems) ?? [])];
    }
}

/// <summary>What a run of analysts' tests found: each case's outcome, the diagnostics of files that did not load, coverage and mutants.</summary>
public sealed record TestReport : Report
{
    // The coverage items and mutants behind Scores: printed (WriteCoverage) and written (CoverageJson), not part of
    // the report's JSON or equality — Scores sums them up.
    private readonly IReadOnlyList<RuleSetCoverage> _sets;

    internal TestReport(ImmutableArray<string> files, ImmutableArray<TestCaseResult> cases, ImmutableArray<string> unreadable, ImmutableArray<Diagnostic> diagnostics,
        IReadOnlyList<RuleSetCoverage> sets, decimal? threshold, bool coverage)
        : this(files, cases, unreadable, diagnostics, [.. sets.Select(s => new RuleSetScore(s.RuleSet, s.Percent, s.Effective, s.Noticed, s.MutationScore))], threshold, coverage) =>
        _sets = sets;

    [JsonConstructor]
    internal TestReport(ValueList<string> files, ValueList<TestCaseResult> cases, ValueList<string> unreadable, ValueList<Diagnostic> diagnostics,
        ValueList<RuleSetScore> scores, decimal? threshold, bool hasCoverage)
    {
        Files = files;
        Cases = cases;
        Unreadable = unreadable;
        Diagnostics = diagnostics;
        _sets = [];
        Threshold = threshold;
        HasCoverage = hasCoverage;
        Scores = scores;
        Passed = cases.Count(c => c.Passed);
        // A test file that cannot be read runs no case: it counts as one failure, and so do errors that keep cases from running.
        Failed = cases.Count(c => !c.Passed) + unreadable.Count;
        SetupFailed = Failed == 0 && diagnostics.Any(d => d.Severity == Severity.Error);
        if (SetupFailed) Failed++;
        BelowThreshold = threshold is { } t ? [.. Scores.Where(s => s.Coverage < t).Select(s => s.RuleSet)] : [];
    }

    /// <summary>The test files run, in order.</summary>
    [JsonPropertyOrder(4)]
    public ValueList<string> Files { get; }

    /// <summary>Every case against every rule set, in file order.</summary>
    [JsonPropertyOrder(2)]
    public ValueList<TestCaseResult> Cases { get; }

    /// <summary>Test files that could not be read (each counts as a failure).</summary>
    [JsonPropertyOrder(5)]
    public ValueList<string> Unreadable { get; }

    /// <summary>Diagnostics of test files, facts and rule sets.</summary>
    [JsonPropertyOrder(3)]
    public ValueList<Diagnostic> Diagnostics { get; }

    /// <summary>With coverage: each rule set's coverage and mutation score.</summary>
    [JsonPropertyOrder(8)]
    public ValueList<RuleSetScore> Scores { get; }

    /// <summary>The coverage threshold asked for, if any.</summary>
    [JsonPropertyOrder(7)]
    public decimal? Threshold { get; }

    /// <summary>Whether coverage was measured.</summary>
    [JsonPropertyOrder(6)]
    public bool HasCoverage { get; }

    /// <summary>How many cases passed.</summary>
    [JsonPropertyOrder(0)]
    public int Passed { get; }

    /// <summary>How many failed (an unreadable file, or errors that kept every case from running, count as one).</summary>
    [JsonPropertyOrder(1)]
    public int Failed { get; }

    private bool SetupFailed { get; }

    /// <summary>The rule sets whose coverage is below <see cref="Threshold"/>.</summary>
    [JsonPropertyOrder(9)]
    public ValueList<string> BelowThreshold { get; }

    /// <summary>Whether every case passed and no rule set is below the threshold.</summary>
    [JsonIgnore]
    public bool Succeeded => Failed == 0 && BelowThreshold.Count == 0;

    /// <summary>The closing line: <c>N passed, M failed</c> (and the rule sets below the threshold).</summary>
    [JsonIgnore]
    public string Summary => $"{Passed} passed, {Failed} failed{(BelowThreshold.Count > 0 ? $"; coverage below {Threshold} % in {string.Join(", ", BelowThreshold)}" : "")}";

    /// <summary>Writes each file and its cases, ok or FAIL with the file, line and the difference.</summary>
    public void WriteCases(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var file in Files)
        {
            if (Unreadable.Contains(file))
            {
                writer.WriteLine($"{file}\n  FAIL  the file cannot be read as a test file (printed below)");
                continue;
            }
            writer.WriteLine(file);
            foreach (var r in Cases.Where(c => c.File == file))
            {
                if (r.Passed)
                {
                    writer.WriteLine($"  ok    {r.Name} [{r.RuleSet}]");
                    continue;
                }
                writer.WriteLine($"  FAIL  {r.Name} [{r.RuleSet}]");
                foreach (var f in r.Failures)
                    writer.WriteLine($"        {r.Span.Path}({r.Span.Line},{r.Span.Column}): {r.Employee} on {Values.Text(r.Date)}: {f}");
            }
        }
        if (SetupFailed) writer.WriteLine("  FAIL  errors in the files below keep cases from running");
    }

    /// <summary>Writes coverage and mutation figures, then every item not reached and every mutant not noticed.</summary>
    public void WriteCoverage(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (HasCoverage) CoverageReport.Text(writer, _sets);
    }

    /// <summary>The coverage and mutation report as JSON (<c>--json</c>): every item with its state, every mutant with the case that noticed it.</summary>
    public string CoverageJson() => CoverageReport.Json(_sets);

    /// <summary>Writes cases, diagnostics, coverage and the summary, as <c>workpolicy test</c> prints them (diagnostics there go to standard error).</summary>
    public override void WriteText(TextWriter writer)
    {
        WriteCases(writer);
        foreach (var d in Diagnostics) writer.WriteLine(d.ToString());
        WriteCoverage(writer);
        writer.WriteLine(Summary);
    }

    /// <summary>Equal when files, cases, diagnostics, scores and threshold are (the coverage items behind the scores are not compared).</summary>
    public bool Equals(TestReport? other) =>
        other is not null && Files == other.Files && Cases == other.Cases && Unreadable == other.Unreadable && Diagnostics == other.Diagnostics
        && Scores == other.Scores && Threshold == other.Threshold && HasCoverage == other.HasCoverage;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Files, Cases, Diagnostics, Scores);
}
