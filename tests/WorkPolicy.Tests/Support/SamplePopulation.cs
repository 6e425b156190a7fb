using FluentAssertions;
using WorkPolicy.Generation;
using WorkPolicy.Facts;
using WorkPolicy.Loading;
using WorkPolicy.Evaluation;

namespace WorkPolicy.Tests;

/// <summary>The six sample circulars and generated populations over them, for tests that need many employees.</summary>
internal static class SamplePopulation
{
    private static readonly Lazy<CompiledRules> Samples = new(() =>
    {
        var linked = RuleLoader.LoadRuleSet([Repo.Path("samples", "circulars")]);
        linked.Diagnostics.Should().BeEmpty();
        return CompiledRules.Compile(linked.Model!);
    });

    /// <summary>The compiled sample rules (shared; immutable).</summary>
    public static CompiledRules Rules => Samples.Value;

    /// <summary>A generated facts file of <paramref name="employees"/>, loaded without diagnostics.</summary>
    public static FactsFile Facts(int employees, int seed)
    {
        var loaded = FactsLoader.Load("generated.facts.yaml", FactsGenerator.Generate(employees, seed), Rules.Model.Vocabulary);
        loaded.Diagnostics.Should().BeEmpty();
        return loaded.Facts!;
    }

    /// <summary><paramref name="facts"/> laid out for the sample rules.</summary>
    public static FactIndex Index(FactsFile facts) => new(facts, Rules.Model.Layout);
}
