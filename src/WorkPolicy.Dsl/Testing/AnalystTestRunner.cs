using System.Collections.Immutable;
using WorkPolicy.Dsl.Facts;
using WorkPolicy.Dsl.Loading;
using WorkPolicy.Dsl.Printing;
using WorkPolicy.Rules.Ast;
using WorkPolicy.Rules.Checking;
using WorkPolicy.Rules.Model;
using WorkPolicy.Rules.Diagnostics;
using WorkPolicy.Rules.Evaluation;
using WorkPolicy.Rules.Facts;

namespace WorkPolicy.Dsl.Testing;

/// <summary>The outcome of one case against one rule set.</summary>
internal sealed record CaseResult(AnalystCase Case, string RuleSet, ImmutableArray<string> Failures)
{
    /// <summary>Whether every expectation held.</summary>
    public bool Passed => Failures.IsEmpty;
}

/// <summary>Runs analyst test files: every case against every rule set the file names.</summary>
internal static class AnalystTestRunner
{
    /// <summary>Runs <paramref name="file"/>; setup problems (rules or facts with errors) come back as diagnostics.</summary>
    public static IReadOnlyList<CaseResult> Run(AnalystTestFile file, List<Diagnostic> diagnostics, Dictionary<string, (Linked Linked, CompiledRules? Compiled)> ruleCache)
    {
        var results = new List<CaseResult>();
        foreach (var ruleSetPath in file.RuleSets)
        {
            var label = Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(file.Path))!, ruleSetPath);
            // A case that cannot run fails: the summary line and the exit code always say the same.
            void FailAll(string why) => results.AddRange(file.Cases.Select(c => new CaseResult(c, label, [why])));
            if (!ruleCache.TryGetValue(ruleSetPath, out var loaded))
            {
                var linked = RuleLoader.LoadRuleSet([ruleSetPath]);
                ruleCache[ruleSetPath] = loaded = (linked, linked.Model is { } m ? CompiledRules.Compile(m) : null);
            }
            if (loaded.Compiled is not { } rules)
            {
                diagnostics.AddRange(loaded.Linked.Diagnostics);
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
                results.Add(new CaseResult(c, label, Compare(c.Expect, evaluator.Decide(evaluator.Facts.Row(employee), c.Date))));
            }
        }
        return results;
    }

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
        if (e.PoolGroup is { } g && d.Pool?.Group != g) failures.Add($"expected pool group '{g}', got '{d.Pool?.Group ?? "none"}'");
        if (e.PoolUnit is { } u && d.Pool?.Unit != u) failures.Add($"expected pool unit '{u}', got '{d.Pool?.Unit ?? "none"}'");
        if (e.PoolPercent is { } pct && d.Pool?.Percent != pct) failures.Add($"expected pool percent {pct}, got {(d.Pool is { } pp ? pp.Percent.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none")}");
        if (e.PoolBound is { } bound && (d.Pool is not { } pb || (pb.AtMost ? "at-most" : "exactly") != bound))
            failures.Add($"expected pool bound {bound}, got {(d.Pool is { } pb2 ? (pb2.AtMost ? "at-most" : "exactly") : "none")}");
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
