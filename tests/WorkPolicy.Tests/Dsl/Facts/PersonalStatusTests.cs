using FluentAssertions;
using NodaTime;
using WorkPolicy.Evaluation;
using WorkPolicy.Evaluation.Memo;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>
/// Dated personal facts (an employee's <c>status:</c>, facts.md): read on the decision's date, an entry holding until
/// the next or its own inclusive <c>until</c>; overlapping entries refused where written; the memo layer, the builder
/// and JSON agree with the plain walk and YAML.
/// </summary>
public class PersonalStatusTests
{
    private static readonly PolicyEngine Depok = PolicyEngine.Load(Repo.Path("samples", "circulars", "depok")).Value!;

    private const string Units = """
        units:
          - { id: pkm, region: kota-depok, kind: puskesmas, agency: dinkes }
          - { id: bkpsdm, region: kota-depok, kind: badan, agency: bkpsdm }
        """;

    private static PolicyFacts Facts(string employees)
    {
        var loaded = Depok.Facts.Parse("facts.yaml", Units + "\nemployees:\n" + employees);
        loaded.Diagnostics.Should().BeEmpty();
        return loaded.Value!;
    }

    private static IReadOnlyList<Diagnostic> Errors(string employees) => Depok.Facts.Parse("bad.yaml", Units + "\nemployees:\n" + employees).Diagnostics;

    [Fact]
    public void A_reading_holds_until_the_next_and_an_entry_until_its_last_day()
    {
        var facts = Facts("""
              - id: n
                unit: pkm
                employment: pns
                status:
                  temperature: [ { from: 2020-03-19, celsius: 36.6 }, { from: 2020-03-24, celsius: 37.8 }, { from: 2020-03-26, celsius: 36.5 } ]
                  isolation: [ { from: 2020-03-30, until: 2020-03-31 } ]
            """);
        WorkMode Mode(int month, int day) => Depok.Decide(facts, "n", new LocalDate(2020, month, day)).Mode;
        Mode(3, 23).Should().Be(WorkMode.Office);
        Mode(3, 24).Should().Be(WorkMode.Home);
        Mode(3, 25).Should().Be(WorkMode.Home, "a reading holds until the next one");
        Mode(3, 26).Should().Be(WorkMode.Office);
        Mode(3, 31).Should().Be(WorkMode.Home, "'until' is inclusive");
        Mode(4, 1).Should().Be(WorkMode.Office, "after 'until' isolation is absent, which the vocabulary presumes false");
    }

    [Fact]
    public void An_absent_series_without_a_default_is_unknown_and_named_by_its_path()
    {
        var facts = Facts("  - { id: m, unit: pkm, employment: pns }\n");
        var d = Depok.Decide(facts, "m", new LocalDate(2020, 3, 20));
        d.Mode.Should().Be(WorkMode.Indeterminate);
        d.Unknown.Should().Equal("employees[m].status.temperature");
        Depok.Analysis.MissingFacts(facts, new LocalDate(2020, 3, 19), new LocalDate(2020, 3, 20)).ToString().Should().Contain("employees[m].status.temperature");
        Depok.Explain(facts, "m", new LocalDate(2020, 3, 20)).SettledBy.Should().Contain(s => s.Contains("status.temperature"));
    }

    [Fact]
    public void Overlapping_entries_an_end_before_the_start_and_an_undeclared_series_are_refused_where_written()
    {
        var overlap = Errors("""
              - id: n
                unit: pkm
                status:
                  isolation:
                    - { from: 2020-03-20, until: 2020-03-27 }
                    - { from: 2020-03-25, until: 2020-03-30 }
            """);
        overlap.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == "WP0407" && d.Span.Line == 10 && d.Message.Contains("overlaps the one before it (from 2020-03-20 until 2020-03-27)"));
        Errors("  - { id: n, unit: pkm, status: { sick: [ { from: 2020-03-20 }, { from: 2020-03-20, active: false } ] } }\n")
            .Should().ContainSingle(d => d.Code == "WP0407");
        Errors("  - { id: n, unit: pkm, status: { sick: [ { from: 2020-03-20, until: 2020-03-19 } ] } }\n")
            .Should().ContainSingle(d => d.Code == "WP0407" && d.Message.Contains("before its 'from'"));
        var unknown = Errors("  - { id: n, unit: pkm, status: { isolaton: [ { from: 2020-03-20 } ] } }\n").Should().ContainSingle().Subject;
        unknown.Code.Should().Be("WP0204");
        unknown.Fix.Should().Be(new DiagnosticFix("isolaton", "isolation"));
        Errors("  - { id: n, unit: pkm, status: { sick: [ { from: 2020-03-20, celsius: 38 } ] } }\n")
            .Should().ContainSingle(d => d.Message.Contains("'celsius'"), "a series has only the fields the vocabulary declares for it");
    }

    [Fact]
    public void The_memo_layer_answers_as_the_plain_walk_day_by_day()
    {
        var facts = Facts("""
              - { id: a, unit: pkm, employment: pns, status: { temperature: [ { from: 2020-03-19, celsius: 36.6 } ] } }
              - { id: b, unit: pkm, employment: pns, status: { temperature: [ { from: 2020-03-19, celsius: 36.6 }, { from: 2020-03-25, celsius: 38 }, { from: 2020-03-27, celsius: 36 } ] } }
              - { id: c, unit: pkm, employment: pns, status: { temperature: [ { from: 2020-03-19, celsius: 36.6 } ], sick: [ { from: 2020-03-24, until: 2020-03-26 } ] } }
              - { id: d, unit: pkm, employment: pns }
              - { id: e, unit: bkpsdm, employment: pns, status: { isolation: [ { from: 2020-03-20, until: 2020-04-02 } ] } }
            """);
        var index = facts.For(Depok.Rules).Index;
        var plain = new Evaluator(Depok.Rules, index);
        var memo = new MemoizedEvaluator(new Evaluator(Depok.Rules, index));
        for (var day = new LocalDate(2020, 3, 19); day <= new LocalDate(2020, 4, 5); day = day.PlusDays(1))
        {
            foreach (var row in index.Employees)
                memo.Decide(row, day).Should().Be(plain.Decide(row, day), $"{row.Facts.Id} on {day}");
        }
        // Employees a and b share a key on the 24th, not on the 25th: the dated part of the key is read per day.
        memo.Decide(index.Employees[1], new LocalDate(2020, 3, 25)).Mode.Should().Be(WorkMode.Home);
        memo.Decide(index.Employees[0], new LocalDate(2020, 3, 25)).Mode.Should().Be(WorkMode.Office);
    }

    [Fact]
    public void The_builder_and_a_JSON_file_give_what_the_YAML_gives()
    {
        const string Yaml = """
              - { id: n, unit: pkm, employment: pns, status: { temperature: [ { from: 2020-03-19, celsius: 36.6 }, { from: 2020-03-24, celsius: 37.8 } ], isolation: [ { from: 2020-03-28, until: 2020-03-30, active: true } ] } }
            """;
        var yaml = Facts(Yaml);
        var built = Depok.Facts.Build(new FactsBuilder("hr")
            .Unit("pkm", "kota-depok", new() { ["kind"] = "puskesmas", ["agency"] = "dinkes" })
            .Unit("bkpsdm", "kota-depok", new() { ["kind"] = "badan", ["agency"] = "bkpsdm" })
            .Employee("n", "pkm", new() { ["employment"] = "pns" })
            .EmployeeStatus("n", "temperature", new LocalDate(2020, 3, 19), null, new() { ["celsius"] = 36.6m })
            .EmployeeStatus("n", "temperature", new LocalDate(2020, 3, 24), null, new() { ["celsius"] = 37.8m })
            .EmployeeStatus("n", "isolation", new LocalDate(2020, 3, 28), new LocalDate(2020, 3, 30), new() { ["active"] = true }));
        built.Diagnostics.Should().BeEmpty();
        var json = Depok.Facts.Parse("facts.json", """
            { "units": [ { "id": "pkm", "region": "kota-depok", "kind": "puskesmas", "agency": "dinkes" } ],
              "employees": [ { "id": "n", "unit": "pkm", "employment": "pns",
                "status": { "temperature": [ { "from": "2020-03-19", "celsius": 36.6 }, { "from": "2020-03-24", "celsius": 37.8 } ],
                            "isolation": [ { "from": "2020-03-28", "until": "2020-03-30", "active": true } ] } } ] }
            """);
        json.Diagnostics.Should().BeEmpty();
        for (var day = new LocalDate(2020, 3, 19); day <= new LocalDate(2020, 4, 1); day = day.PlusDays(1))
        {
            var expected = Depok.Decide(yaml, "n", day);
            Depok.Decide(built.Value!, "n", day).Should().Be(expected, day.ToString());
            Depok.Decide(json.Value!, "n", day).Should().Be(expected, day.ToString());
        }
        Depok.Facts.Build(new FactsBuilder("hr").Unit("pkm", "kota-depok", new() { ["kind"] = "puskesmas" }).Employee("n", "pkm")
                .EmployeeStatus("n", "sick", new LocalDate(2020, 3, 20), new LocalDate(2020, 3, 25), new() { ["active"] = true })
                .EmployeeStatus("n", "sick", new LocalDate(2020, 3, 22), null, new() { ["active"] = false }))
            .Diagnostics.Should().ContainSingle(d => d.Code == "WP0407" && d.Span.Path.StartsWith("hr/employees[n]", StringComparison.Ordinal));
    }
}
