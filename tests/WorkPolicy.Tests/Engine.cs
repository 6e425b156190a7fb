using FluentAssertions;
using NodaTime;
using WorkPolicy.Dsl.Dsl;
using WorkPolicy.Dsl.Facts;
using WorkPolicy.Dsl.Loading;
using WorkPolicy.Rules.Ast;
using WorkPolicy.Rules.Evaluation;
using WorkPolicy.Rules.Facts;

namespace WorkPolicy.Tests;

/// <summary>Builds an evaluator from inline rule text (with the sample vocabulary) and inline facts.</summary>
internal sealed class Engine
{
    private Engine(CompiledRuleSet rules, FactsFile facts)
    {
        Rules = rules;
        Facts = facts;
        Evaluator = new Evaluator(rules, new FactIndex(facts));
    }

    public CompiledRuleSet Rules { get; }
    public FactsFile Facts { get; }
    public Evaluator Evaluator { get; }

    public static RuleSet Link(params string[] dslTexts)
    {
        var vocabulary = RuleLoader.LoadFile(Repo.Path("samples", "circulars", "vocabulary.wp"), []);
        var files = dslTexts.Select((t, i) =>
        {
            var r = DslParser.Parse($"rules{i}.wp", t);
            r.Diagnostics.Should().BeEmpty();
            return r.File;
        });
        var (set, diagnostics) = RuleSet.Link([vocabulary!, .. files]);
        diagnostics.Should().BeEmpty();
        return set;
    }

    public static Engine Create(string facts, params string[] dslTexts)
    {
        var set = Link(dslTexts);
        var f = FactsLoader.Load("facts.yaml", facts, set);
        f.Diagnostics.Should().BeEmpty();
        return new Engine(CompiledRuleSet.Compile(set), f.Facts!);
    }

    public Decision Decide(string employee, LocalDate date, List<TraceEntry>? trace = null) =>
        Evaluator.Decide(Facts.Employees.Single(e => e.Id == employee), date, trace);

    public static Engine Samples()
    {
        var (set, diagnostics) = RuleLoader.LoadRuleSet([Repo.Path("samples", "circulars")]);
        diagnostics.Should().BeEmpty();
        var path = Repo.Path("samples", "facts", "sample.facts.yaml");
        var f = FactsLoader.Load(path, File.ReadAllText(path), set);
        f.Diagnostics.Should().BeEmpty();
        return new Engine(CompiledRuleSet.Compile(set), f.Facts!);
    }
}
