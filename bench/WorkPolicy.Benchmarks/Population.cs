using NodaTime;
using WorkPolicy.Generation;
using WorkPolicy.Facts;
using WorkPolicy.Loading;
using WorkPolicy.Ast;
using WorkPolicy.Evaluation;

namespace WorkPolicy.Benchmarks;

/// <summary>Rules and generated facts shared by the benchmarks.</summary>
internal static class Population
{
    public static readonly LocalDate Friday = new(2021, 7, 30);

    public static string Samples { get; } = FindSamples();

    private static string FindSamples()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WorkPolicy.sln"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("run from inside the repository"), "samples", "circulars");
    }

    public static CompiledRules Rules(params string[] files)
    {
        var paths = files.Length == 0 ? [Samples] : files.Select(f => Path.Combine(Samples, f)).ToArray();
        var linked = RuleLoader.LoadRuleSet(paths);
        if (linked.Model is not { } model) throw new InvalidOperationException(string.Join('\n', linked.Diagnostics));
        return CompiledRules.Compile(model);
    }

    public static FactIndex Facts(int employees, CompiledRules rules, Func<EmployeeFacts, bool>? keep = null)
    {
        var text = FactsGenerator.Generate(employees, seed: 7);
        var result = FactsLoader.Load("generated.facts.yaml", text, rules.Model.Vocabulary);
        if (result.HasErrors) throw new InvalidOperationException(string.Join('\n', result.Diagnostics));
        var facts = result.Facts!;
        if (keep is not null) facts = facts with { Employees = [.. facts.Employees.Where(keep)] };
        return new FactIndex(facts, rules.Model.Layout);
    }
}
