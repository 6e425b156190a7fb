using FluentAssertions;
using WorkPolicy.Cli.Generation;
using WorkPolicy.Dsl.Facts;
using WorkPolicy.Dsl.Loading;
using WorkPolicy.Rules.Ast;
using WorkPolicy.Rules.Facts;

namespace WorkPolicy.Tests;

/// <summary>The six sample circulars and generated populations over them, for tests that need many employees.</summary>
internal static class SamplePopulation
{
    private static readonly Lazy<RuleSet> Samples = new(() =>
    {
        var (set, diagnostics) = RuleLoader.LoadRuleSet([Repo.Path("samples", "circulars")]);
        diagnostics.Should().BeEmpty();
        return set;
    });

    /// <summary>The linked sample rule set (shared; rule sets are immutable).</summary>
    public static RuleSet Rules => Samples.Value;

    /// <summary>A generated facts file of <paramref name="employees"/>, loaded without diagnostics.</summary>
    public static FactsFile Facts(int employees, int seed)
    {
        var loaded = FactsLoader.Load("generated.facts.yaml", FactsGenerator.Generate(employees, seed), Rules);
        loaded.Diagnostics.Should().BeEmpty();
        return loaded.Facts!;
    }
}
