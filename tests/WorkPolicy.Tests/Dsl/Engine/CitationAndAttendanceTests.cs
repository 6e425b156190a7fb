using FluentAssertions;
using NodaTime;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>
/// Citations as paraphrase where only a report of a circular is at hand (<c>cite "5" summary "…"</c>), a circular whose
/// number was not reported (<c>number unknown</c>) — shown as such in decisions and explanations, YAML twins alike —
/// and attendance that says why it checked nothing: a check-in with no window (WP0324 under analysis), optional days
/// a roster does not place, and optional days a roster puts at home, which are checked.
/// </summary>
public class CitationAndAttendanceTests
{
    private static readonly string Vocabulary = File.ReadAllText(Repo.Path("samples", "circulars", "vocabulary.wp"));
    private static readonly LocalDate Monday = new(2021, 7, 5), Tuesday = new(2021, 7, 6);

    private const string Reported = """
        circular reported {
          number unknown
          issuer "Bupati"
          region kota-palopo
          period from 2021-07-01
          provision may-stay-home {
            cite "5" summary "staff with comorbidities may work from home"
            scope asn
            mode optional
          }
          provision duties {
            cite "6" "wajib melakukan absensi"
            during optional, home
            obligation check-in {
              channel share-location
            }
            obligation check-in {
              windows mon-fri 07:00-07:30
            }
          }
        }
        """;

    private static PolicyEngine Engine(string name, string text)
    {
        var loaded = PolicyEngine.Load([new RuleSource("vocabulary.wp", Vocabulary), new RuleSource(name, text)]);
        loaded.Diagnostics.Where(d => d.Severity == Severity.Error).Should().BeEmpty();
        return loaded.Value!;
    }

    private static PolicyFacts Staff(PolicyEngine engine) => engine.Facts.Build(new FactsBuilder("staff")
        .Unit("disdik", "kota-palopo", new() { ["kind"] = "dinas", ["agency"] = "disdik" })
        .Employee("e-1", "disdik", new() { ["employment"] = "pns", ["position"] = "pelaksana" })).Value!;

    [Fact]
    public void A_summary_is_cited_as_a_summary_and_an_unknown_number_as_unknown_in_both_encodings()
    {
        var engine = Engine("reported.wp", Reported);
        var decision = engine.Decide(Staff(engine), "e-1", Monday);
        decision.Mode.Should().Be(WorkMode.Optional);
        decision.Provisions.Single(p => p.Id == "may-stay-home").Cite.Should().Be("point 5 (summary): staff with comorbidities may work from home");
        decision.Provisions.Single(p => p.Id == "duties").Cite.Should().Be("point 6: \"wajib melakukan absensi\"");
        engine.Explain(Staff(engine), "e-1", Monday).ToString().Should().Contain("(summary): staff with comorbidities");

        var folder = Directory.CreateTempSubdirectory("wp-cite-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "vocabulary.wp"), Vocabulary);
            File.WriteAllText(Path.Combine(folder, "reported.wp"), Reported);
            var yaml = RuleFiles.Convert(Path.Combine(folder, "reported.wp"), RuleEncoding.Yaml, Path.Combine(folder, "reported.yaml")).Value!;
            yaml.Should().Contain("summary: \"staff with comorbidities may work from home\"").And.Contain("number: unknown");
            var twin = Engine("reported.yaml", yaml);
            twin.Decide(Staff(twin), "e-1", Monday).Should().Be(decision);
            var dsl = RuleFiles.Convert(Path.Combine(folder, "reported.wp"), RuleEncoding.Dsl).Value!;
            dsl.Should().Contain("number unknown").And.Contain("cite \"5\" summary \"staff with comorbidities");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_cite_in_YAML_gives_a_quote_or_a_summary_not_both()
    {
        var yaml = RuleFiles.Convert(WriteTemp(Reported), RuleEncoding.Yaml).Value!.Replace("summary: \"staff with", "quote: \"x\"\n          summary: \"staff with");
        var loaded = PolicyEngine.Load([new RuleSource("vocabulary.wp", Vocabulary), new RuleSource("reported.yaml", yaml)]);
        loaded.Diagnostics.Should().Contain(d => d.Message.Contains("either 'quote'") && d.Severity == Severity.Error);
    }

    [Fact]
    public void Attendance_says_why_it_checked_nothing_and_checks_optional_days_a_roster_puts_at_home()
    {
        var engine = Engine("reported.wp", Reported);
        var facts = Staff(engine);
        var unplaced = engine.Rosters.Attendance(facts, Monday, Tuesday, null!);
        unplaced.Days.Should().BeEmpty();
        unplaced.Notes.Should().ContainSingle(n => n.Contains("2 optional day(s)") && n.Contains("roster"));
        var atHome = engine.Rosters.Attendance(facts, Monday, Tuesday, [new RosterEntry("e-1", Monday, RosterPlace.Home), new RosterEntry("e-1", Tuesday, RosterPlace.Office)]);
        atHome.Days.Should().ContainSingle().Which.Date.Should().Be(Monday, "the roster puts the optional Monday at home: its window is checked");
        atHome.Days[0].Windows.Should().ContainSingle().Which.Met.Should().BeFalse("no check-in was given");
        atHome.Notes.Should().ContainSingle(n => n.Contains("check-in of provision 'duties'") && n.Contains("states no window") && n.Contains("1 day(s)"));
        var text = new StringWriter();
        atHome.WriteText(text);
        text.ToString().Should().Contain("note: check-in of provision 'duties'");
        atHome.ToJson().Should().Contain("\"notes\": [");
    }

    [Fact]
    public void Analysis_warns_of_a_check_in_with_no_window()
    {
        var folder = Directory.CreateTempSubdirectory("wp-window-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "vocabulary.wp"), Vocabulary);
            File.WriteAllText(Path.Combine(folder, "reported.wp"), Reported);
            var report = PolicyAnalysis.Check([folder], analyze: true);
            report.Diagnostics.Should().ContainSingle(d => d.Code == "WP0324").Which.Span.Line.Should().Be(14);
            PolicyAnalysis.Check([folder]).Diagnostics.Should().NotContain(d => d.Code == "WP0324", "an analysis finding, not a load one");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string WriteTemp(string text)
    {
        var folder = Directory.CreateTempSubdirectory("wp-cite-").FullName;
        File.WriteAllText(Path.Combine(folder, "vocabulary.wp"), Vocabulary);
        var path = Path.Combine(folder, "reported.wp");
        File.WriteAllText(path, text);
        return path;
    }
}

/// <summary><c>explain</c> gives both ends of a circular's period, from its first day as issued, and an amended version's own first day apart.</summary>
public class ExplainedPeriodTests
{
    private static readonly string Vocabulary = File.ReadAllText(Repo.Path("samples", "circulars", "vocabulary.wp"));

    [Fact]
    public void The_period_is_told_with_both_ends_and_a_versions_first_day()
    {
        const string issued = """
            circular base {
              number "1/2021"
              issuer "Wali Kota Palopo"
              region kota-palopo
              period from 2021-07-01 to 2021-07-10
              provision all-home {
                cite "1" "bekerja dari rumah"
                scope asn
                mode home
              }
            }
            """;
        const string extension = """
            circular ext {
              number "2/2021"
              issuer "Wali Kota Palopo"
              region kota-palopo
              period from 2021-07-11 to 2021-07-20
              amends "base"
            }
            """;
        var engine = PolicyEngine.Load([new RuleSource("vocabulary.wp", Vocabulary), new RuleSource("base.wp", issued), new RuleSource("ext.wp", extension)]).Value!;
        var facts = engine.Facts.Build(new FactsBuilder("staff").Unit("disdik", "kota-palopo", new() { ["kind"] = "dinas", ["agency"] = "disdik" })
            .Employee("e-1", "disdik", new() { ["employment"] = "pns", ["position"] = "pelaksana" })).Value!;
        engine.Explain(facts, "e-1", new LocalDate(2021, 7, 5)).ToString().Should().Contain("period from 2021-07-01 to 2021-07-10");
        engine.Explain(facts, "e-1", new LocalDate(2021, 7, 15)).ToString().Should().Contain("period from 2021-07-01 to 2021-07-20; this version from 2021-07-11");
    }
}

/// <summary>Messages that say what exists: the field types a vocabulary takes, the employee fields a vocabulary declares.</summary>
public class WhatExistsMessagesTests
{
    [Fact]
    public void An_undeclared_employee_key_and_an_unknown_field_type_say_what_there_is()
    {
        var engine = PolicyEngine.Load(Repo.Path("samples", "circulars")).Value!;
        var facts = engine.Facts.Parse("hr.yaml", """
            units: [ { id: u, region: kota-palopo, kind: dinas } ]
            employees: [ { id: e-1, unit: u, employment: pns, born_on: 1970-01-01 } ]
            """);
        var d = facts.Diagnostics.Should().ContainSingle(x => x.Code == "WP0204").Subject;
        d.Message.Should().Contain("declares no field employee.born_on").And.Contain("its employee fields are").And.Contain("employment");
        var vocabulary = PolicyEngine.Load([new RuleSource("vocabulary.wp", """
            vocabulary v {
              field employee.born_on: datum
            }
            """)]);
        vocabulary.Diagnostics.Should().Contain(x => x.Message.Contains("'datum' is not a field type: a field is one-of { CODES }, set-of { CODES }, bool, number or date")
            && x.Fix != null && x.Fix.Replacement == "date");
    }
}

/// <summary>A provision that leaves the arrangement to the head says so where it decides, in both encodings.</summary>
public class DeferredArrangementTests
{
    [Fact]
    public void What_a_circular_leaves_to_the_head_is_told_beside_the_decision()
    {
        var vocabulary = File.ReadAllText(Repo.Path("samples", "circulars", "vocabulary.wp"));
        const string circular = """
            circular left-to-heads {
              number unknown
              issuer "Bupati"
              region kota-palopo
              period from 2021-07-01
              provision heads-arrange {
                cite "3" summary "the head of each office arranges who works from home"
                defers "who of the unit works from home, and on which days"
                scope asn
                mode optional
              }
            }
            """;
        var folder = Directory.CreateTempSubdirectory("wp-defers-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "vocabulary.wp"), vocabulary);
            File.WriteAllText(Path.Combine(folder, "left.wp"), circular);
            var yaml = RuleFiles.Convert(Path.Combine(folder, "left.wp"), RuleEncoding.Yaml, Path.Combine(folder, "left.yaml")).Value!;
            yaml.Should().Contain("defers: \"who of the unit works from home, and on which days\"");
            RuleFiles.Convert(Path.Combine(folder, "left.wp"), RuleEncoding.Dsl).Value.Should().Contain("    defers \"who of the unit works from home");
            foreach (var (name, text) in new[] { ("left.wp", circular), ("left.yaml", yaml) })
            {
                var engine = PolicyEngine.Load([new RuleSource("vocabulary.wp", vocabulary), new RuleSource(name, text)]).Value!;
                var facts = engine.Facts.Build(new FactsBuilder("staff").Unit("u", "kota-palopo", new() { ["kind"] = "dinas", ["agency"] = "disdik" })
                    .Employee("e-1", "u", new() { ["employment"] = "pns", ["position"] = "pelaksana" })).Value!;
                engine.Explain(facts, "e-1", new LocalDate(2021, 7, 5)).ToString()
                    .Should().Contain("decides optional").And.Contain("the circular leaves the arrangement to the head: who of the unit works from home, and on which days", name);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>
/// Duties of the day (<c>during at-home</c>): they hold on the days a member is at home — for certain on a home
/// decision, pending on a rotation day until a roster says where the member is (unknown: <c>roster</c>), and checked by
/// attendance on the days the roster puts the member at home.
/// </summary>
public class DutiesOfTheDayTests
{
    private const string Circular = """
        circular split {
          number "800/2021"
          issuer "Wali Kota Palopo"
          region kota-palopo
          period from 2021-07-01
          provision staff-rotate {
            cite "1" "bergantian"
            scope employee.position == pelaksana
            mode rotation
            pool staff per top-unit office 50% rounding down
          }
          provision others-home {
            cite "2" "bekerja dari rumah"
            scope asn and not (employee.position == pelaksana)
            mode home
          }
          provision home-duties {
            cite "3" "selama bekerja dari rumah wajib berada di rumah dan melapor"
            during at-home
            obligation check-in {
              windows mon-fri 07:00-07:30
            }
            obligation stay-home {
              except "kebutuhan pangan dan kesehatan"
            }
          }
        }
        """;

    private static readonly LocalDate Monday = new(2021, 7, 5), Tuesday = new(2021, 7, 6);

    private static (PolicyEngine Engine, PolicyFacts Facts) Load(string name, string text)
    {
        var vocabulary = File.ReadAllText(Repo.Path("samples", "circulars", "vocabulary.wp"));
        var engine = PolicyEngine.Load([new RuleSource("vocabulary.wp", vocabulary), new RuleSource(name, text)]).Value!;
        var facts = engine.Facts.Build(new FactsBuilder("staff").Unit("u", "kota-palopo", new() { ["kind"] = "dinas", ["agency"] = "disdik" })
            .Employee("p-1", "u", new() { ["employment"] = "pns", ["position"] = "pelaksana" })
            .Employee("p-2", "u", new() { ["employment"] = "pns", ["position"] = "pelaksana" })
            .Employee("f-1", "u", new() { ["employment"] = "pns", ["position"] = "fungsional" })).Value!;
        return (engine, facts);
    }

    [Fact]
    public void Duties_of_home_days_hold_for_certain_at_home_and_wait_for_the_roster_on_rotation_days()
    {
        var (engine, facts) = Load("split.wp", Circular);
        var home = engine.Decide(facts, "f-1", Monday);
        home.Mode.Should().Be(WorkMode.Home);
        home.Obligations.Select(o => (o.Kind, o.Pending)).Should().BeEquivalentTo(new[] { ("check-in", false), ("stay-home", false) });
        var rotating = engine.Decide(facts, "p-1", Monday);
        rotating.Mode.Should().Be(WorkMode.Rotation);
        rotating.Obligations.Should().OnlyContain(o => o.Pending).And.HaveCount(2);
        rotating.Unknown.Should().Contain("roster");
        engine.Explain(facts, "p-1", Monday).Decision.Should().Be(rotating, "the explained decision is the decided one");
        PolicyJson.Deserialize(PolicyJson.Serialize(rotating, indented: false)).Should().Be(rotating);
    }

    [Fact]
    public void Attendance_checks_home_duties_on_the_days_the_roster_puts_a_member_at_home()
    {
        var (engine, facts) = Load("split.wp", Circular);
        var roster = new[]
        {
            new RosterEntry("p-1", Monday, RosterPlace.Home), new RosterEntry("p-1", Tuesday, RosterPlace.Office),
            new RosterEntry("p-2", Monday, RosterPlace.Office), new RosterEntry("p-2", Tuesday, RosterPlace.Home),
            new RosterEntry("f-1", Monday, RosterPlace.Home), new RosterEntry("f-1", Tuesday, RosterPlace.Home),
        };
        var report = engine.Rosters.Attendance(facts, Monday, Tuesday, roster);
        report.Days.Select(d => (d.Employee, d.Date)).Should().BeEquivalentTo(new[] { ("p-1", Monday), ("p-2", Tuesday), ("f-1", Monday), ("f-1", Tuesday) });
    }

    [Fact]
    public void The_YAML_twin_and_the_printed_rules_keep_the_duties_of_the_day()
    {
        var folder = Directory.CreateTempSubdirectory("wp-day-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "vocabulary.wp"), File.ReadAllText(Repo.Path("samples", "circulars", "vocabulary.wp")));
            var dsl = Path.Combine(folder, "split.wp");
            File.WriteAllText(dsl, Circular);
            var yaml = RuleFiles.Convert(dsl, RuleEncoding.Yaml, Path.Combine(folder, "split.yaml")).Value!;
            yaml.Should().Contain("during: at-home");
            RuleFiles.Convert(dsl, RuleEncoding.Dsl).Value.Should().Contain("    during at-home");
            var (engine, facts) = Load("split.wp", Circular);
            var (twin, twinFacts) = Load("split.yaml", yaml);
            foreach (var e in facts.Employees) twin.Decide(twinFacts, e, Monday).Should().Be(engine.Decide(facts, e, Monday));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
