using FluentAssertions;
using NodaTime;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>
/// Facts of date type (<c>employee.birth_date: date</c>) and ages on the decision's date
/// (<c>age(employee.birth_date) &gt;= 50</c>): "ASN aged 50 and over work from home" without a dated series, a birthday
/// during the circular changing the answer that day; unknown stays unknown; both encodings, the builder and JSON alike;
/// the analysis and explain's what-ifs know ages; mistakes get messages that say what is expected.
/// </summary>
public class DateFactsTests
{
    private static readonly string Vocabulary = File.ReadAllText(Repo.Path("samples", "circulars", "vocabulary.wp"));

    private const string OverFifty = """
        circular over-fifty {
          number unknown
          issuer "Bupati"
          region kota-palopo
          period from 2020-03-20
          provision older-at-home {
            cite "2" summary "ASN aged 50 and over work from home"
            scope asn and age(employee.birth_date) >= 50
            mode home
            overrides others
          }
          provision young-hires {
            cite "3" summary "those born in 2000 or later keep to the office"
            scope asn and employee.birth_date >= 2000-01-01
            mode office
          }
          provision others {
            cite "4" summary "everyone else works at the office"
            scope asn and not (employee.birth_date >= 2000-01-01)
            mode office
          }
        }
        """;

    private static PolicyEngine Engine(string circular = OverFifty)
    {
        var loaded = PolicyEngine.Load([new RuleSource("vocabulary.wp", Vocabulary), new RuleSource("over-fifty.wp", circular)]);
        loaded.Diagnostics.Where(d => d.Severity == Severity.Error).Should().BeEmpty();
        return loaded.Value!;
    }

    private const string Staff = """
        units: [ { id: u, region: kota-palopo, kind: dinas, agency: disdik } ]
        employees:
          - { id: turns-fifty, unit: u, employment: pns, birth_date: 1971-07-30 }
          - { id: leap, unit: u, employment: pns, birth_date: 1972-02-29 }
          - { id: young, unit: u, employment: pns, birth_date: 2001-05-05 }
          - { id: unknown, unit: u, employment: pns }
        """;

    [Fact]
    public void A_fiftieth_birthday_during_the_circular_sends_the_employee_home_from_that_day()
    {
        var engine = Engine();
        var facts = engine.Facts.Parse("staff.yaml", Staff).Value!;
        engine.Decide(facts, "turns-fifty", new LocalDate(2021, 7, 29)).Mode.Should().Be(WorkMode.Office);
        var birthday = engine.Decide(facts, "turns-fifty", new LocalDate(2021, 7, 30));
        birthday.Mode.Should().Be(WorkMode.Home);
        birthday.Provisions.Single().Cite.Should().Contain("aged 50");
        // Born on 29 February: the birthday is 28 February in other years.
        engine.Decide(facts, "leap", new LocalDate(2022, 2, 25)).Mode.Should().Be(WorkMode.Office);
        engine.Decide(facts, "leap", new LocalDate(2022, 2, 28)).Mode.Should().Be(WorkMode.Home);
        engine.Decide(facts, "young", new LocalDate(2021, 7, 30)).Provisions.Single().Id.Should().Be("young-hires");
    }

    [Fact]
    public void An_unknown_birth_date_is_indeterminate_and_names_the_fact()
    {
        var engine = Engine();
        var facts = engine.Facts.Parse("staff.yaml", Staff).Value!;
        var d = engine.Decide(facts, "unknown", new LocalDate(2021, 7, 30));
        d.Mode.Should().Be(WorkMode.Indeterminate);
        d.Unknown.Should().Equal("employees[unknown].birth_date");
    }

    [Fact]
    public void The_batch_path_and_its_memo_decide_every_day_as_one_by_one()
    {
        var engine = Engine();
        var facts = engine.Facts.Parse("staff.yaml", Staff).Value!;
        var from = new LocalDate(2021, 7, 25);
        var to = new LocalDate(2021, 8, 5);
        var batch = engine.DecideAll(facts, from, to).ToList();
        var single = facts.Employees.SelectMany(id => Enumerable.Range(0, Period.DaysBetween(from, to) + 1).Select(i => engine.Decide(facts, id, from.PlusDays(i)))).ToList();
        batch.Should().BeEquivalentTo(single);
        batch.Where(d => d.Employee == "turns-fifty").Select(d => d.Mode).Distinct().Should().Contain([WorkMode.Office, WorkMode.Home], "the key of an age is read per date");
    }

    [Fact]
    public void Dates_come_from_yaml_json_and_the_builder_alike_and_a_bad_date_names_its_fact()
    {
        var engine = Engine();
        var day = new LocalDate(2021, 7, 30);
        var json = engine.Facts.Read("staff.json", new MemoryStream(System.Text.Encoding.UTF8.GetBytes("""
            { "units": [ { "id": "u", "region": "kota-palopo", "kind": "dinas" } ],
              "employees": [ { "id": "turns-fifty", "unit": "u", "employment": "pns", "birth_date": "1971-07-30" } ] }
            """))).Value!;
        engine.Decide(json, "turns-fifty", day).Mode.Should().Be(WorkMode.Home);
        var built = engine.Facts.Build(new FactsBuilder("hr")
            .Unit("u", "kota-palopo", new() { ["kind"] = "dinas" })
            .Employee("a", "u", new() { ["employment"] = "pns", ["birth_date"] = new LocalDate(1971, 7, 30) })
            .Employee("b", "u", new() { ["employment"] = "pns", ["birth_date"] = new DateOnly(1990, 1, 1) })
            .Employee("c", "u", new() { ["employment"] = "pns", ["birth_date"] = "1960-12-31" })).Value!;
        engine.Decide(built, "a", day).Mode.Should().Be(WorkMode.Home);
        engine.Decide(built, "b", day).Mode.Should().Be(WorkMode.Office);
        engine.Decide(built, "c", day).Mode.Should().Be(WorkMode.Home);
        // With a dated series the employee is read through the node path: the same dates read the same.
        var withSeries = engine.Facts.Build(new FactsBuilder("hr")
            .Unit("u", "kota-palopo", new() { ["kind"] = "dinas" })
            .Employee("d", "u", new() { ["employment"] = "pns", ["birth_date"] = new DateOnly(1971, 7, 30) })
            .EmployeeStatus("d", "isolation", new LocalDate(2021, 1, 1), null, new() { ["active"] = false }));
        withSeries.Diagnostics.Should().BeEmpty();
        engine.Decide(withSeries.Value!, "d", day).Mode.Should().Be(WorkMode.Home);

        var bad = engine.Facts.Parse("bad.yaml", "units: [ { id: u, region: kota-palopo } ]\nemployees: [ { id: e, unit: u, employment: pns, birth_date: 1971-02-30 } ]\n");
        bad.Diagnostics.Should().Contain(x => x.Severity == Severity.Error && x.Span.Line == 2 && x.Message.Contains("1971-02-30"));
        var wrongType = engine.Facts.Build(new FactsBuilder("hr").Unit("u", "kota-palopo").Employee("e", "u", new() { ["birth_date"] = 1971 }));
        wrongType.Diagnostics.Should().Contain(x => x.Severity == Severity.Error && x.Span.Path.Contains("employees[e].birth_date"));
    }

    [Theory]
    [InlineData("age(employee.position) >= 50", "age() reads a date field; 'employee.position' is one of a list")]
    [InlineData("employee.birth_date >= 50", "'employee.birth_date' takes a date (yyyy-mm-dd), not '50'; compare an age with age(employee.birth_date) >= N")]
    [InlineData("age(employee.birth_date) >= 1970-01-01", "age(employee.birth_date) is compared with a number of years, not '1970-01-01'")]
    [InlineData("age(employee.birth_date) has 50", "operator 'has' does not apply to 'age(employee.birth_date)'")]
    [InlineData("age(employee.birth_date)", "expected a comparison after 'age(...)'")]
    public void Mistakes_with_dates_and_ages_say_what_is_expected(string scope, string message)
    {
        var circular = OverFifty.Replace("asn and age(employee.birth_date) >= 50", scope, StringComparison.Ordinal);
        var loaded = PolicyEngine.Load([new RuleSource("vocabulary.wp", Vocabulary), new RuleSource("over-fifty.wp", circular)]);
        loaded.Diagnostics.Should().Contain(d => d.Severity == Severity.Error && d.Message.Contains(message) && d.Span.Line >= 8 && d.Span.Line <= 9,
            string.Join("\n", loaded.Diagnostics));
    }

    [Fact]
    public void The_yaml_twin_and_the_printed_dsl_decide_alike()
    {
        var folder = Directory.CreateTempSubdirectory("wp-dates-");
        try
        {
            var dsl = Path.Combine(folder.FullName, "over-fifty.wp");
            File.WriteAllText(Path.Combine(folder.FullName, "vocabulary.wp"), Vocabulary);
            File.WriteAllText(dsl, OverFifty);
            var yaml = RuleFiles.Convert(dsl, RuleEncoding.Yaml);
            yaml.Diagnostics.Should().BeEmpty();
            yaml.Value.Should().Contain("age(employee.birth_date) >= 50").And.Contain("employee.birth_date >= 2000-01-01");
            var back = RuleFiles.FormatText("over-fifty.wp", OverFifty);
            back.Value.Should().Contain("age(employee.birth_date) >= 50");

            var fromYaml = PolicyEngine.Load([new RuleSource("vocabulary.wp", Vocabulary), new RuleSource("over-fifty.yaml", yaml.Value!)]).Value!;
            var engine = Engine();
            var facts = engine.Facts.Parse("staff.yaml", Staff).Value!;
            var yamlFacts = fromYaml.Facts.Parse("staff.yaml", Staff).Value!;
            foreach (var id in facts.Employees)
                foreach (var day in new[] { new LocalDate(2021, 7, 29), new LocalDate(2021, 7, 30), new LocalDate(2022, 2, 28) })
                    fromYaml.Decide(yamlFacts, id, day).Should().Be(engine.Decide(facts, id, day));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Explain_says_which_age_would_change_the_answer_and_the_analysis_finds_an_age_conflict()
    {
        var engine = Engine();
        var facts = engine.Facts.Parse("staff.yaml", Staff).Value!;
        var why = engine.Explain(facts, "turns-fifty", new LocalDate(2021, 7, 29));
        why.WhatIf.Should().Contain(w => w.Fact == "employee.birth_date" && w.Decision.Mode == WorkMode.Home && w.To.Any(t => t.Contains("age 50")),
            string.Join("\n", why.WhatIf.Select(w => $"{w.Fact} {w.From} -> {string.Join(" or ", w.To)}")));

        // Without 'overrides', staff aged 50 and over are told home and office by two provisions: a conflict at an age.
        var conflicting = PolicyEngine.Load([new RuleSource("vocabulary.wp", Vocabulary), new RuleSource("over-fifty.wp", OverFifty.Replace("    overrides others\n", "", StringComparison.Ordinal))]);
        conflicting.Diagnostics.Should().Contain(d => d.Code == "WP0305" && d.Message.Contains("age(employee.birth_date)"), string.Join("\n", conflicting.Diagnostics));
    }
}

/// <summary>The whole years an age reads are NodaTime's <c>Period.Between</c> in years, computed without an object per call.</summary>
public class AgeYearsTests
{
    [Fact]
    public void Whole_years_are_nodatimes_on_generated_dates_and_leap_days()
    {
        var dates = new List<LocalDate> { new(2000, 2, 29), new(1996, 2, 29), new(2001, 2, 28), new(2001, 3, 1), new(2004, 2, 29), new(1, 1, 1), new(9999, 12, 31) };
        var random = new Random(7);
        for (var i = 0; i < 400; i++) dates.Add(new LocalDate(1900, 1, 1).PlusDays(random.Next(0, 60_000)));
        foreach (var a in dates)
            foreach (var b in dates)
            {
                var expected = b < a ? -Period.Between(b, a, PeriodUnits.Years).Years : Period.Between(a, b, PeriodUnits.Years).Years;
                WorkPolicy.Evaluation.ConditionCompiler.Ops.Years(a, b).Should().Be(expected, $"born {a}, on {b}");
            }
    }
}
