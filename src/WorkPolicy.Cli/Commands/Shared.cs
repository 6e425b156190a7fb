using System.Collections.Immutable;
using System.CommandLine;
using NodaTime;
using WorkPolicy.Cli.Output;
using WorkPolicy.Dsl.Dsl;
using WorkPolicy.Dsl.Facts;
using WorkPolicy.Dsl.Loading;
using WorkPolicy.Rules.Ast;
using WorkPolicy.Rules.Diagnostics;
using WorkPolicy.Rules.Evaluation;
using WorkPolicy.Rules.Facts;
using WorkPolicy.Rules.Model;

namespace WorkPolicy.Cli.Commands;

/// <summary>Options and loading steps several verbs share.</summary>
internal static class Shared
{
    public static Argument<string[]> Paths(string description = "rule files or folders (.wp, .yaml)") =>
        new("paths") { Arity = ArgumentArity.OneOrMore, Description = description };

    public static Option<string> Facts(bool required = true) => new("--facts") { Description = "facts file (YAML)", Required = required };

    public static Option<string> Format() =>
        new Option<string>("--format") { Description = "json or table", DefaultValueFactory = _ => "table" }.AcceptOnlyFromAmong("json", "table");

    /// <summary>Prints diagnostics sorted by place, so output is deterministic.</summary>
    public static void Print(CliIO io, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics.OrderBy(d => d.Span.Path, StringComparer.Ordinal).ThenBy(d => d.Span.Line).ThenBy(d => d.Span.Column).ThenBy(d => d.Code, StringComparer.Ordinal))
            io.Err.WriteLine(d.ToString());
    }

    public static LocalDate Date(string? text, string option)
    {
        if (text is null) throw new UsageException($"{option} is required");
        return Values.TryDate(text, out var d) ? d : throw new UsageException($"{option} '{text}' is not a date (yyyy-mm-dd)");
    }

    /// <summary>Loads, links and compiles rules; null (diagnostics printed) when they have errors.</summary>
    public static CompiledRules? LoadRules(CliIO io, IEnumerable<string> paths, StageTimer? timer = null)
    {
        var linked = RuleLoader.LoadRuleSet(paths);
        Print(io, linked.Diagnostics);
        timer?.Mark("rules");
        return linked.Model is { } model ? CompiledRules.Compile(model) : null;
    }

    /// <summary>Loads facts for <paramref name="rules"/> and indexes them; null (diagnostics printed) when they have errors.</summary>
    public static FactIndex? LoadIndex(CliIO io, string path, CompiledRules rules) =>
        LoadFacts(io, path, rules.Model.Vocabulary) is { } facts ? new FactIndex(facts, rules.Model.Layout) : null;

    /// <summary>Loads facts against the rules' vocabulary; null (diagnostics printed) when they have errors.</summary>
    public static FactsFile? LoadFacts(CliIO io, string path, Vocabulary rules)
    {
        var diagnostics = new List<Diagnostic>();
        if (SourceText.ReadBytes(path, diagnostics, Limits.MaxFactsBytes) is not { } bytes)
        {
            Print(io, diagnostics);
            return null;
        }
        var result = LoadWithoutCollections(path, bytes, rules);
        Print(io, result.Diagnostics);
        return result.HasErrors ? null : result.Facts;
    }

    /// <summary>
    /// Loads facts with the collector held off while it can be: most of what a large facts file
    /// allocates is kept, so collections during the load mostly copy live objects from one
    /// generation to the next (measured: the load of 100,000 employees ≈ 0.8 s → 0.6 s). The budget
    /// is capped; past it the runtime collects as usual and the region ends by itself.
    /// </summary>
    private static FactsResult LoadWithoutCollections(string path, byte[] bytes, Vocabulary rules) =>
        bytes.Length >= 1 << 20 ? WithoutCollections(12L * bytes.Length, () => FactsLoader.Load(path, bytes, rules)) : FactsLoader.Load(path, bytes, rules);

    /// <summary>Runs <paramref name="work"/> with the collector held off for up to <paramref name="budget"/> bytes (capped at 240 MiB).</summary>
    private static T WithoutCollections<T>(long budget, Func<T> work)
    {
        const long MaxBudget = 240L << 20;
        var held = false;
        try
        {
            held = GC.TryStartNoGCRegion(Math.Min(budget, MaxBudget));
        }
        catch (ArgumentOutOfRangeException)
        {
            // The runtime's limit is lower than asked on this machine: run as usual.
        }
        catch (InvalidOperationException)
        {
            // Already in a region (nested use): run as usual.
        }
        try
        {
            return work();
        }
        finally
        {
            if (held && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
        }
    }

    /// <summary>Every date from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    public static ImmutableArray<LocalDate> Dates(string? on, string? from, string? to)
    {
        if (on is not null)
        {
            if (from is not null || to is not null) throw new UsageException("give either --on or --from/--to, not both");
            return [Date(on, "--on")];
        }
        var start = Date(from, "--from (or --on)");
        var end = Date(to, "--to");
        if (end < start) throw new UsageException("--to is before --from");
        if (Period.DaysBetween(start, end) > 3660) throw new UsageException("a range of more than ten years is refused");
        return [.. new DateInterval(start, end)];
    }
}
