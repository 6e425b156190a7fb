using FluentAssertions;
using NodaTime;
using WorkPolicy.Parsing;
using WorkPolicy.Loading;
using WorkPolicy.Checking;
using WorkPolicy.Evaluation;
using WorkPolicy.Evaluation.Memo;
using WorkPolicy.Facts;

namespace WorkPolicy.Tests;

/// <summary>A <see cref="PolicyEngine"/> over inline rule text (with the sample vocabulary) and inline facts.</summary>
internal sealed class Engine
{
    private Engine(PolicyEngine engine, PolicyFacts facts)
    {
        Policy = engine;
        Loaded = facts;
        Evaluator = new MemoizedEvaluator(new Evaluator(engine.Rules, facts.For(engine.Rules).Index));
    }

    public PolicyEngine Policy { get; }
    public PolicyFacts Loaded { get; }
    public FactsFile Facts => Loaded.File;
    public CompiledRules Rules => Policy.Rules;
    public MemoizedEvaluator Evaluator { get; }

    public static Linked Link(params string[] dslTexts)
    {
        var vocabulary = RuleLoader.LoadFile(Repo.Path("samples", "circulars", "vocabulary.wp"), []);
        var files = dslTexts.Select((t, i) =>
        {
            var r = DslParser.Parse($"rules{i}.wp", t);
            r.Diagnostics.Should().BeEmpty();
            return r.File;
        });
        var linked = Linker.Link([vocabulary!, .. files]);
        linked.Diagnostics.Should().BeEmpty();
        return linked;
    }

    public static Engine Create(string facts, params string[] dslTexts)
    {
        var engine = new PolicyEngine(CompiledRules.Compile(Link(dslTexts).Model!), "inline");
        var f = engine.Facts.Parse("facts.yaml", facts);
        f.Diagnostics.Should().BeEmpty();
        return new Engine(engine, f.Value!);
    }

    public Decision Decide(string employee, LocalDate date) => Policy.Decide(Loaded, employee, date);

    public Explanation Explain(string employee, LocalDate date) => Policy.Explain(Loaded, employee, date);

    /// <summary>The memo layer answers as the plain walk for every employee on <paramref name="date"/>.</summary>
    public void MemoAgrees(LocalDate date)
    {
        foreach (var e in Facts.Employees) Evaluator.Decide(e, date).Should().BeEquivalentTo(Decide(e.Id, date), e.Id);
    }

    public static Engine Samples()
    {
        var engine = PolicyEngine.Load(Repo.Path("samples", "circulars"));
        engine.Diagnostics.Should().BeEmpty();
        var f = engine.Value!.Facts.Load(Repo.Path("samples", "facts", "sample.facts.yaml"));
        f.Diagnostics.Should().BeEmpty();
        return new Engine(engine.Value!, f.Value!);
    }
}
