using WorkPolicy.Analysis;
using System.Collections.Immutable;
using WorkPolicy.Facts;
using WorkPolicy.Loading;
using WorkPolicy.Printing;
using WorkPolicy.Ast;
using WorkPolicy.Checking;
using WorkPolicy.Model;
using WorkPolicy.Diagnostics;
using WorkPolicy.Evaluation;
using WorkPolicy.Coverage;
using WorkPolicy.Mutation;

namespace WorkPolicy.Testing;

/// <summary>The outcome of one case against one rule set.</summary>
internal sealed record CaseResult(AnalystCase Case, string RuleSet, ImmutableArray<string> Failures)
{
    /// <summary>Whether every expectation held.</summary>
    public bool Passed => Failures.IsEmpty;
}

/// <summary>What became of a mutant: the case (or <c>check</c>) that noticed it, or none; or equivalent to the rule set.</summary>
internal sealed record MutantOutcome(string? NoticedBy, bool Equivalent);

/// <summary>A rule set as one run of <c>test</c> loaded it, with what its cases reached and the cases that passed.</summary>
internal sealed class RuleSetRun(string path, Linked linked, CompiledRules? compiled)
{
    /// <summary>The rule set's path, as the test file names it (absolute).</summary>
    public string Path { get; } = path;

    /// <summary>The linked rule set (its files are what mutants change).</summary>
    public Linked Linked { get; } = linked;

    /// <summary>The compiled rules, or null when the rule set has errors.</summary>
    public CompiledRules? Compiled { get; } = compiled;

    /// <summary>What the cases reached, when coverage is asked for.</summary>
    public CoverageMap? Coverage { get; init; }

    /// <summary>The cases that passed, with their facts: the cases a mutant must fail one of to count as noticed.</summary>
    public List<(FactsFile Facts, AnalystCase Case)> Passing { get; } = [];

    private int? _conflicts;

    /// <summary>How many conflicts <c>check</c> reports in the rule set itself (worked out once; none without rules).</summary>
    public int Conflicts => _conflicts ??= Compiled is { } rules ? ConflictChecker.Check(rules).Count(d => d.Code == DiagnosticCatalog.Conflict.Code) : 0;
}

/// <summary>
/// Runs analyst test files: every case against every rule set the file names; each rule set is loaded once
/// per session (<paramref name="open"/>: rule files as an editor holds them, by full path, read before the disk).
/// </summary>
internal sealed class AnalystTestRunner(bool coverage = false, IReadOnlyDictionary<string, string>? open = null)
{
    /// <summary>The rule sets loaded so far, by path.</summary>
    public Dictionary<string, RuleSetRun> RuleSets { get; } = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="file"/>; setup problems (rules or facts with errors) come back as diagnostics.</summary>
    public IReadOnlyList<CaseResult> Run(AnalystTestFile file, List<Diagnostic> diagnostics)
    {
        var results = new List<CaseResult>();
        foreach (var ruleSetPath in file.RuleSets)
        {
            var label = RuleSetPaths.Label(Path.GetDirectoryName(Path.GetFullPath(file.Path))!, ruleSetPath);
            // A case that cannot run fails: the summary line and the exit code always say the same.
            void FailAll(string why) => results.AddRange(file.Cases.Select(c => new CaseResult(c, label, [why])));
            var run = Load(ruleSetPath);
            if (run.Compiled is not { } rules)
            {
                diagnostics.AddRange(run.Linked.Diagnostics);
                FailAll("the rule set has errors (printed below)");
                continue;
            }
            var facts = LoadFacts(file, rules.Model.Vocabulary, diagnostics);
            if (facts is null)
            {
                FailAll("the facts have errors (printed below)");
                continue;
            }
            var evaluator = new Evaluator(rules, new FactIndex(facts, rules.Model.Layout));
            foreach (var c in file.Cases)
            {
                var employee = facts.Employees.FirstOrDefault(e => e.Id == c.Employee);
                if (!c.Problems.IsEmpty)
                {
                    results.Add(new CaseResult(c, label, [.. c.Problems.Select(d => $"the case cannot be checked: {d.Code}: {d.Message} ({d.Span.Line},{d.Span.Column})")]));
                    continue;
                }
                if (employee is null)
                {
                    results.Add(new CaseResult(c, label, [$"employee '{c.Employee}' is not in the facts"]));
                    continue;
                }
                var result = new CaseResult(c, label, Check(evaluator, employee, c));
                results.Add(result);
                if (run.Coverage is { } map)
                {
                    var observer = new CoverageObserver(map);
                    evaluator.Observe(evaluator.Facts.Row(employee), c.Date, ref observer);
                }
                if (result.Passed) run.Passing.Add((facts, c));
            }
        }
        return results;
    }

    private RuleSetRun Load(string path)
    {
        if (RuleSets.TryGetValue(path, out var run)) return run;
        var linked = RuleLoader.LoadRuleSet(RuleSetPaths.Split(path), open);
        var compiled = linked.Model is { } m ? CompiledRules.Compile(m) : null;
        return RuleSets[path] = new RuleSetRun(path, linked, compiled) { Coverage = coverage && compiled is not null ? new CoverageMap(compiled) : null };
    }

    /// <summary>
    /// Whether the passing cases of <paramref name="run"/> notice <paramref name="mutant"/>: the first case
    /// that fails on it; <see cref="MutantOutcome.Equivalent"/> when the fault changes nothing the
    /// checker derives (an <c>overrides</c> edge still implied through others), which no case could notice.
    /// </summary>
    public static MutantOutcome Try(RuleSetRun run, Mutant mutant)
    {
        var linked = Linker.Link(mutant.Files);
        // A mutant the checker refuses is noticed by `check` before any case runs.
        if (linked.Model is not { } model) return new MutantOutcome("check", false);
        if (mutant.Kind == MutationKind.DropOverrides && run.Compiled is { } original && (SameOverrides(original.Model, model) || ImpliedByOrder(original.Model, model)))
            return new MutantOutcome(null, true);
        // A period shifted off a day no calendar of the cases works (a weekend, a holiday) changes no working day's
        // decision: nobody works that day under either reading, so no case could tell the two apart.
        if (mutant.OnlyDay is { } day && Calendars(run).All(calendar => !calendar.IsWorkingDay(day))) return new MutantOutcome(null, true);
        var rules = CompiledRules.Compile(model, reference: true);
        // A dropped exception that leaves two provisions deciding differently for someone is a conflict `check` reports.
        if (mutant.Kind == MutationKind.DropOverrides &&
            ConflictChecker.Check(rules).Count(d => d.Code == DiagnosticCatalog.Conflict.Code) > run.Conflicts)
            return new MutantOutcome("check", false);
        FactsFile? indexed = null;
        Evaluator? evaluator = null;
        foreach (var (facts, c) in run.Passing)
        {
            if (!ReferenceEquals(facts, indexed))
            {
                indexed = facts;
                evaluator = new Evaluator(rules, new FactIndex(facts, rules.Model.Layout));
            }
            if (!Check(evaluator!, facts.Employees.First(e => e.Id == c.Employee), c).IsEmpty) return new MutantOutcome(c.Name, false);
        }
        return new MutantOutcome(null, false);
    }

    /// <summary>The calendars the cases of <paramref name="run"/> are decided under (the default one when no case passed).</summary>
    private static IEnumerable<CalendarFacts> Calendars(RuleSetRun run) =>
        run.Passing.Count == 0 ? [CalendarFacts.Default] : run.Passing.Select(p => p.Facts.Calendar).Distinct();

    /// <summary>What differs between the case's expectation and the decision of its employee on its date.</summary>
    private static ImmutableArray<string> Check(Evaluator evaluator, EmployeeFacts employee, AnalystCase c) =>
        Compare(c.Expect, evaluator.Decide(evaluator.Facts.Row(employee), c.Date));

    /// <summary>
    /// Whether every exception the mutant lost is one the order already gives: the overriding provision comes first
    /// (it wins wherever it applies, exception or not), nothing overrides it (no chain through it), and both have the
    /// same effect (an unknown target could not change its answer either). Dropping such an edge changes no decision.
    /// </summary>
    private static bool ImpliedByOrder(RuleModel original, RuleModel mutant)
    {
        if (original.Circulars.Length != mutant.Circulars.Length) return false;
        var lost = false;
        foreach (var (a, b) in original.Circulars.Zip(mutant.Circulars))
        {
            if (a.Deciding.Length != b.Deciding.Length) return false;
            for (var t = 0; t < a.Deciding.Length; t++)
            {
                foreach (var o in a.Deciding[t].OverriddenBy.Except(b.Deciding[t].OverriddenBy))
                {
                    if (o > t || !a.Deciding[o].OverriddenBy.IsEmpty || !a.Deciding[o].SameEffect(a.Deciding[t])) return false;
                    lost = true;
                }
            }
        }
        return lost;
    }

    private static bool SameOverrides(RuleModel a, RuleModel b) =>
        a.Circulars.Length == b.Circulars.Length &&
        a.Circulars.Zip(b.Circulars).All(c => c.First.Deciding.Length == c.Second.Deciding.Length &&
            c.First.Deciding.Zip(c.Second.Deciding).All(p => p.First.OverriddenBy.SequenceEqual(p.Second.OverriddenBy)));

    private static FactsFile? LoadFacts(AnalystTestFile file, Vocabulary set, List<Diagnostic> diagnostics)
    {
        FactsResult result;
        if (file.InlineFacts is { } inline) result = FactsLoader.Load(file.Path, inline, set);
        else if (file.FactsPath is { } path && SourceText.Read(path, diagnostics) is { } text) result = FactsLoader.Load(path, text, set);
        else return null;
        diagnostics.AddRange(result.Diagnostics);
        return result.HasErrors ? null : result.Facts;
    }

    /// <summary>What differs between the expectation and the decision, in words.</summary>
    public static ImmutableArray<string> Compare(Expectation e, Decision d)
    {
        var failures = ImmutableArray.CreateBuilder<string>();
        if (e.Mode is { } mode && mode != d.Mode)
            failures.Add($"expected mode {mode.Word()}, got {d.Mode.Word()}{(d.Unknown.IsEmpty ? "" : " (needs " + string.Join(", ", d.Unknown) + ")")}");
        if (e.Reason is { } reason && d.Reason != reason)
            failures.Add($"expected reason {reason.Word()}, got {(d.Reason is { } got ? got.Word() : "none")} ({d.Mode.Word()})");
        if (e.Circulars is { } cs && !cs.Order(StringComparer.Ordinal).SequenceEqual(d.Circulars.Distinct().Order(StringComparer.Ordinal)))
            failures.Add($"expected circulars [{string.Join(", ", cs)}], got [{string.Join(", ", d.Circulars)}]");
        if (e.Provisions is { } ps)
        {
            // A provision may be named alone or with its circular: 'p1' or 'se-23-2021/p1'.
            static bool Is(ProvisionRef p, string name) => name.Contains('/') ? $"{p.Circular}/{p.Id}" == name : p.Id == name;
            static string Name(ProvisionRef p) => $"{p.Circular}/{p.Id}";
            if (ps.Length > 0 && (d.Provisions.IsEmpty || !Is(d.Provisions[0], ps[0])))
                failures.Add($"expected provision '{ps[0]}' to decide, got {(d.Provisions.IsEmpty ? "none" : "'" + Name(d.Provisions[0]) + "'")}");
            var missing = ps.Where(p => !d.Provisions.Any(x => Is(x, p))).ToList();
            if (missing.Count > 0)
                failures.Add($"expected provisions {string.Join(", ", missing)} among {(d.Provisions.IsEmpty ? "none" : string.Join(", ", d.Provisions.Select(Name)))}");
        }
        if (e.Obligations is { } os)
        {
            var got = d.Obligations.Select(o => o.Kind).Distinct().Order(StringComparer.Ordinal).ToList();
            var want = os.Distinct().Order(StringComparer.Ordinal).ToList();
            if (!got.SequenceEqual(want)) failures.Add($"expected obligations [{string.Join(", ", want)}], got [{string.Join(", ", got)}]");
        }
        if (e.Pending is { } pending)
        {
            var got = d.Obligations.Where(o => o.Pending).Select(o => o.Kind).Distinct().Order(StringComparer.Ordinal).ToList();
            var want = pending.Distinct().Order(StringComparer.Ordinal).ToList();
            if (!got.SequenceEqual(want)) failures.Add($"expected pending obligations [{string.Join(", ", want)}], got [{string.Join(", ", got)}]");
        }
        if (e.PoolGroup is { } g && d.Pool?.Group != g) failures.Add($"expected pool group '{g}', got '{d.Pool?.Group ?? "none"}'");
        if (e.PoolUnit is { } u && d.Pool?.Unit != u) failures.Add($"expected pool unit '{u}', got '{d.Pool?.Unit ?? "none"}'");
        if (e.PoolPercent is { } pct && d.Pool?.Percent != pct) failures.Add($"expected pool percent {pct}, got {(d.Pool is { } pp ? pp.Percent.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none")}");
        if (e.PoolBound is { } bound && (d.Pool is not { } pb || Output.DecisionJson.BoundWord(pb.Bound) != bound))
            failures.Add($"expected pool bound {bound}, got {(d.Pool is { } pb2 ? Output.DecisionJson.BoundWord(pb2.Bound) : "none")}");
        if (e.Unknown is { } unknown && !unknown.Order(StringComparer.Ordinal).SequenceEqual(d.Unknown.Order(StringComparer.Ordinal)))
            failures.Add($"expected unknown [{string.Join(", ", unknown)}], got [{string.Join(", ", d.Unknown)}]");
        if (e.Windows is { } windows)
        {
            var got = d.Obligations.Where(o => o.Windows is not null).SelectMany(o => o.Windows!.Value).Select(DslPrinter.WindowText).ToList();
            if (!got.SequenceEqual(windows)) failures.Add($"expected windows [{string.Join(", ", windows)}], got [{string.Join(", ", got)}]");
        }
        return failures.ToImmutable();
    }
}
