using FluentAssertions;
using WorkPolicy.Loading;
using WorkPolicy.Printing;
using WorkPolicy.Ast;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>Every DSL sample has a YAML twin that loads to the same AST, and both print canonically.</summary>
public class TwinTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(Repo.Path("samples", "circulars"), "*.wp").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(f));
        return data;
    }

    private static RuleFile Load(string path)
    {
        var r = RuleLoader.Parse(path, File.ReadAllText(path), RuleLoader.EncodingOf(path)!.Value);
        r.Diagnostics.Should().BeEmpty();
        return r.File;
    }

    private static void ShouldBeSameAst(RuleFile a, RuleFile b) =>
        a.Should().BeEquivalentTo(b, o => o
            .Excluding(m => m.Name == "Span" || m.Name == "Path" || m.Name == "Digest")
            .RespectingRuntimeTypes()
            .WithStrictOrdering());

    [Theory]
    [MemberData(nameof(Samples))]
    public void Dsl_and_yaml_twin_give_the_same_ast(string name)
    {
        var dsl = Load(Repo.Path("samples", "circulars", name + ".wp"));
        var yaml = Load(Repo.Path("samples", "circulars", "yaml", name + ".yaml"));
        (dsl.Circulars.Length + dsl.Vocabularies.Length).Should().BeGreaterThan(0);
        ShouldBeSameAst(dsl, yaml);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Convert_round_trips_both_ways(string name)
    {
        var dsl = Load(Repo.Path("samples", "circulars", name + ".wp"));
        var toYaml = RuleLoader.Parse("x.yaml", YamlPrinter.Print(dsl), RuleEncoding.Yaml);
        toYaml.Diagnostics.Should().BeEmpty();
        ShouldBeSameAst(dsl, toYaml.File);
        var back = RuleLoader.Parse("x.wp", DslPrinter.Print(toYaml.File), RuleEncoding.Dsl);
        back.Diagnostics.Should().BeEmpty();
        ShouldBeSameAst(dsl, back.File);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Samples_are_in_canonical_layout(string name)
    {
        var dslPath = Repo.Path("samples", "circulars", name + ".wp");
        var yamlPath = Repo.Path("samples", "circulars", "yaml", name + ".yaml");
        // Comments (the vocabulary's reasons for its presumptions) are part of the layout: printed where they were.
        DslPrinter.Print(Load(dslPath)).Should().Be(File.ReadAllText(dslPath));
        YamlPrinter.Print(Load(yamlPath)).Should().Be(File.ReadAllText(yamlPath));
        YamlPrinter.Print(Load(yamlPath)).Split('\n')[0].Should().Be("# yaml-language-server: $schema=../../../schemas/rules.schema.json");
    }

    [Fact]
    public void Twins_decide_identically_on_the_sample_facts()
    {
        var dsl = Engine.Samples();
        var linked = RuleLoader.LoadRuleSet([Repo.Path("samples", "circulars", "yaml")]);
        linked.Diagnostics.Should().BeEmpty();
        var rules = Evaluation.CompiledRules.Compile(linked.Model!);
        var yaml = new Evaluation.Memo.MemoizedEvaluator(new Evaluation.Evaluator(rules, new Facts.FactIndex(dsl.Facts, rules.Model.Layout)));
        foreach (var e in dsl.Facts.Employees)
        {
            foreach (var day in new NodaTime.DateInterval(new NodaTime.LocalDate(2021, 7, 26), new NodaTime.LocalDate(2021, 8, 9)))
            {
                yaml.Decide(e, day).Should().BeEquivalentTo(dsl.Evaluator.Decide(e, day), o => o.Excluding(m => m.Name == "Span"));
            }
        }
    }
}
