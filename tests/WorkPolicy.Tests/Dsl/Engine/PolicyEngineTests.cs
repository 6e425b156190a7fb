using FluentAssertions;
using NodaTime;
using WorkPolicy.Generation;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>The public entry point, used as a consumer would.</summary>
public class PolicyEngineTests
{
    private static readonly LocalDate Fri = new(2021, 7, 30);

    private static PolicyEngine Samples()
    {
        var loaded = PolicyEngine.Load(Repo.Path("samples", "circulars"));
        loaded.Diagnostics.Should().BeEmpty();
        return loaded.Value!;
    }

    [Fact]
    public void Loads_rules_and_facts_and_decides_one_employee()
    {
        var engine = Samples();
        engine.Circulars.Should().HaveCount(6).And.Contain("palopo-2021-wfh");
        var facts = engine.Facts.Load(Repo.Path("samples", "facts", "sample.facts.yaml")).Value!;
        var d = engine.Decide(facts, "e-003", Fri);
        d.Mode.Should().Be(WorkMode.Office);
        d.Provisions[0].Should().Be(new ProvisionRef("p2-critical-service", "palopo-2021-wfh", "point 2: \"dikecualikan bagi pegawai yang melaksanakan pelayanan langsung\""));
        var rotation = engine.Decide(facts, "e-001", Fri);
        rotation.Obligations.Should().Contain(o => o.Kind == "check-in" && o.Zone == "Asia/Makassar" && o.Details.Any(kv => kv.Key == "channel"));
    }

    [Fact]
    public void Rule_errors_come_back_as_diagnostics_with_no_engine()
    {
        var dir = Directory.CreateTempSubdirectory("wp-engine-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "bad.wp"), "circular c {\n  number \"1\"\n  issuer \"x\"\n  region nowhere\n  period from 2021-01-01\n}\n");
            var loaded = PolicyEngine.Load(dir.FullName);
            loaded.Value.Should().BeNull();
            loaded.Diagnostics.Should().Contain(d => d.Code == "WP0307" && d.Severity == Severity.Error && d.Span.Line == 1);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Facts_errors_come_back_as_diagnostics_and_misuse_as_argument_errors()
    {
        var engine = Samples();
        var bad = engine.Facts.Parse("f.yaml", "employees: [ { id: e, unit: nowhere } ]\n");
        bad.Value.Should().BeNull();
        bad.Diagnostics.Should().Contain(d => d.Code == "WP0404");
        var facts = engine.Facts.Parse("f.yaml", "units: [ { id: u, region: kota-palopo } ]\nemployees: [ { id: e, unit: u } ]\n").Value!;
        var unknownEmployee = () => engine.Decide(facts, "nobody", Fri);
        unknownEmployee.Should().Throw<ArgumentException>().WithMessage("*'nobody'*");
        // Facts belong to a vocabulary: another engine of the same vocabulary decides on them as the first does.
        var other = Samples();
        other.Decide(facts, "e", Fri).Should().Be(engine.Decide(facts, "e", Fri));
        var foreignVocabulary = PolicyEngine.Load([new RuleSource("v.wp", "vocabulary other {\n  field employee.grade: number\n}\n")], LoadOptions.Lenient);
        foreignVocabulary.Diagnostics.Should().NotContain(d => d.Severity == Severity.Error);
        var foreign = () => foreignVocabulary.Value!.Decide(facts, "e", Fri);
        foreign.Should().Throw<ArgumentException>().WithMessage("*another vocabulary*");
    }

    [Fact]
    public void DecideAll_streams_every_employee_and_date_as_one_by_one_decisions_would()
    {
        var engine = Samples();
        var facts = engine.Facts.Parse("generated.facts.yaml", FactsGenerator.Generate(300, seed: 3)).Value!;
        var from = new LocalDate(2021, 7, 29);
        var to = new LocalDate(2021, 8, 2);
        var all = engine.DecideAll(facts, from, to).ToList();
        all.Should().HaveCount(300 * 5);
        var expected = facts.Employees.SelectMany(e => new DateInterval(from, to).Select(d => engine.Decide(facts, e, d))).ToList();
        all.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Explain_gives_the_decision_with_its_trace()
    {
        var engine = Samples();
        var facts = engine.Facts.Load(Repo.Path("samples", "facts", "sample.facts.yaml")).Value!;
        var explained = engine.Explain(facts, "e-003", Fri);
        explained.Decision.Should().BeEquivalentTo(engine.Decide(facts, "e-003", Fri));
        explained.Trace.Should().Contain(t => t.Provision == "p1-rotation" && t.Outcome == "overridden");
        explained.Trace.Should().Contain(t => t.Circular == "palopo-2021-wfh" && t.Outcome == "decides");
    }
}
