using WorkPolicy.Analysis;
using FluentAssertions;
using NodaTime;
using WorkPolicy.Parsing;
using WorkPolicy.Loading;
using WorkPolicy.Printing;
using WorkPolicy.Yaml;
using WorkPolicy.Checking;
using WorkPolicy.Diagnostics;
using WorkPolicy.Evaluation;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>Relations with effect: a revoked circular ends, an amended one is decided as amended, a follower is asked first.</summary>
public class RelationTests
{
    private static readonly LocalDate March1 = new(2021, 3, 1);

    private static string Circular(string id, string from, string body) => $$"""
        circular {{id}} {
          number "{{id}}"
          issuer "Menteri PANRB"
          region kota-palopo
          period from {{from}}
        {{body}}
        }
        """;

    private const string AllHome = """
          provision all-home {
            cite "1" "seluruh pegawai dari rumah"
            mode home
          }
          provision report {
            cite "2" "melapor setiap hari"
            during home
            obligation report {
              to atasan-langsung
            }
          }
        """;

    private const string GuruHome = """
          provision guru-home {
            cite "1" "guru mengajar dari rumah"
            scope employee.roles has guru
            mode home
          }
        """;

    private const string Facts = """
        units: [ { id: u, region: kota-palopo, kind: dinas, agency: disdik } ]
        employees:
          - { id: staff, unit: u, employment: pns, position: pelaksana, roles: [] }
          - { id: guru, unit: u, employment: pns, position: pelaksana, roles: [guru] }
        """;

    private static string Dated(string id, string period, string body = "") => $$"""
        circular {{id}} {
          number "{{id}}"
          issuer "Wali Kota Depok"
          region kota-palopo
          period {{period}}
        {{body}}
        }
        """;

    [Fact]
    public void An_amendment_that_restates_the_end_extends_the_circular()
    {
        // Depok: 19-31 March 2020, "diperpanjang sampai 21 April", then to 13 May — each extension amends the circular.
        var issued = Dated("depok", "from 2020-03-19 to 2020-03-31", AllHome);
        var first = Dated("depok-ext-1", "from 2020-04-01 to 2020-04-21", "  amends \"depok\"\n");
        var second = Dated("depok-ext-2", "from 2020-04-22 to 2020-05-13", "  amends \"depok\"\n");
        var engine = Engine.Create(Facts, issued, first, second);
        foreach (var day in new[] { new LocalDate(2020, 3, 31), new LocalDate(2020, 4, 1), new LocalDate(2020, 4, 21), new LocalDate(2020, 4, 22), new LocalDate(2020, 5, 13) })
            engine.Decide("staff", day).Mode.Should().Be(WorkMode.Home, day.ToString());
        engine.Decide("staff", new LocalDate(2020, 5, 14)).Reason.Should().Be(NotCoveredReason.NoCircularInForce);
        // Duties are listed once on the day an extension takes over.
        engine.Decide("staff", new LocalDate(2020, 4, 1)).Obligations.Should().ContainSingle();
        engine.Explain("staff", new LocalDate(2020, 4, 10)).Trace.Should().Contain(t => t.Circular == "depok" && t.Outcome == "in force" && t.Reason.Contains("extended by depok-ext-1 until 2020-04-21"));
        // The API names the version that stands.
        var version = engine.Explain("staff", new LocalDate(2020, 4, 10)).Versions.Should().ContainSingle().Subject;
        version.Should().Be(new CircularVersion("depok", new LocalDate(2020, 4, 1), new LocalDate(2020, 4, 21), ["depok-ext-1"], "depok-ext-1"));
        version.ToString().Should().Be("depok as amended by depok-ext-1, extended by depok-ext-1 (from 2020-04-01 to 2020-04-21)");
        engine.Explain("staff", new LocalDate(2020, 3, 20)).Versions.Should().ContainSingle().Which.AmendedBy.Should().BeEmpty();
        // An amendment may also end a circular earlier.
        var shortened = Engine.Create(Facts, issued, Dated("depok-end", "from 2020-03-25 to 2020-03-27", "  amends \"depok\"\n"));
        shortened.Decide("staff", new LocalDate(2020, 3, 27)).Mode.Should().Be(WorkMode.Home);
        shortened.Decide("staff", new LocalDate(2020, 3, 30)).Reason.Should().Be(NotCoveredReason.NoCircularInForce);
        // An extension leaving a gap after the end is refused where it is written.
        var gap = Link(issued, Dated("late", "from 2020-04-05 to 2020-04-21", "  amends \"depok\"\n"));
        gap.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCatalog.BadRelation.Code && d.Span.Path == "c1.wp" && d.Message.Contains("an extension starts the day after the end it extends"));
    }

    [Fact]
    public void An_amended_circular_is_one_history_of_dated_versions_and_is_told_of_once()
    {
        var issued = Dated("depok", "from 2020-03-19 to 2020-03-31", AllHome);
        var linked = Link(issued, Dated("depok-ext-1", "from 2020-04-01 to 2020-04-21", "  amends \"depok\"\n"), Dated("depok-ext-2", "from 2020-04-22 to 2020-05-13", "  amends \"depok\"\n"));
        var history = linked.Model!.Histories.Should().ContainSingle().Subject;
        history.Id.Should().Be("depok");
        history.Versions.Select(v => (v.From, v.To)).Should().Equal(
            (new LocalDate(2020, 3, 19), (LocalDate?)new LocalDate(2020, 3, 31)),
            (new LocalDate(2020, 4, 1), (LocalDate?)new LocalDate(2020, 4, 21)),
            (new LocalDate(2020, 4, 22), (LocalDate?)new LocalDate(2020, 5, 13)));
        history.VersionOn(new LocalDate(2020, 4, 21))!.AmendedBy.Should().Equal("depok-ext-1");
        history.VersionOn(new LocalDate(2020, 5, 14)).Should().BeNull();
        // The versions share the provisions the amendments leave alone: the very same checked provision.
        history.Versions.Select(v => v.Deciding[0]).Distinct().Should().ContainSingle();
        // Outside every version's dates, explain tells of the circular once (as issued), not once per version.
        var engine = Engine.Create(Facts, issued, Dated("depok-ext-1", "from 2020-04-01 to 2020-04-21", "  amends \"depok\"\n"), Dated("depok-ext-2", "from 2020-04-22 to 2020-05-13", "  amends \"depok\"\n"));
        engine.Explain("staff", new LocalDate(2020, 6, 1)).Trace.Where(t => t.Circular == "depok").Should().ContainSingle()
            .Which.Reason.Should().Contain("its period 2020-03-19 to 2020-03-31");
        engine.Explain("staff", new LocalDate(2020, 4, 30)).Trace.Where(t => t.Circular == "depok" && t.Outcome is "in force" or "not in force").Should().ContainSingle()
            .Which.Outcome.Should().Be("in force");
    }

    [Fact]
    public void An_extension_until_further_notice_lifts_the_end_in_both_encodings()
    {
        // Kukar: "memperpanjang lagi masa kerja dari rumah ... sampai batas waktu yang akan ditentukan kemudian".
        var issued = Dated("wfh", "from 2020-03-19 to 2020-03-31", AllHome);
        var extension = Dated("wfh-ext", "from 2020-04-01 to further-notice", "  amends \"wfh\"\n");
        var engine = Engine.Create(Facts, issued, extension);
        engine.Decide("staff", new LocalDate(2021, 1, 4)).Mode.Should().Be(WorkMode.Home);
        engine.Explain("staff", new LocalDate(2021, 1, 4)).Trace.Should().Contain(t => t.Reason.Contains("extended by wfh-ext until further notice"));
        // The DSL and YAML print it, and read it back, alike.
        var parsed = DslParser.Parse("ext.wp", extension);
        parsed.Diagnostics.Should().BeEmpty();
        parsed.File.Circulars[0].Period.FurtherNotice.Should().BeTrue();
        DslPrinter.Print(parsed.File).Should().Contain("period from 2020-04-01 to further-notice");
        var yaml = YamlPrinter.Print(parsed.File, null);
        yaml.Should().Contain("to: further-notice");
        var back = YamlRuleLoader.Load("ext.yaml", yaml);
        back.Diagnostics.Should().BeEmpty();
        back.File.Circulars[0].Period.Should().BeEquivalentTo(parsed.File.Circulars[0].Period, o => o.Excluding(p => p.Span));
    }

    [Fact]
    public void A_superseded_circular_stops_on_the_successors_first_day()
    {
        var without = Engine.Create(Facts, Circular("old", "2021-01-04", AllHome), Circular("new", "2021-02-01", GuruHome));
        without.Decide("staff", March1).Mode.Should().Be(WorkMode.Home, "without the relation the older circular still decides for non-guru staff");

        var engine = Engine.Create(Facts, Circular("old", "2021-01-04", AllHome), Circular("new", "2021-02-01", "  supersedes \"old\"\n" + GuruHome));
        engine.Decide("staff", new LocalDate(2021, 1, 29)).Mode.Should().Be(WorkMode.Home);
        var explained = engine.Explain("staff", March1);
        explained.Decision.Mode.Should().Be(WorkMode.NotCovered);
        explained.Decision.Reason.Should().Be(NotCoveredReason.NoProvisionFits, "'new' is in force but speaks only of guru");
        explained.Decision.Circulars.Should().Equal("new");
        explained.Trace.Should().Contain(t => t.Circular == "old" && t.Outcome == "not in force" && t.Reason == "revoked by 'new' from 2021-02-01");
        engine.Decide("guru", March1).Mode.Should().Be(WorkMode.Home);
    }

    [Fact]
    public void A_revocation_may_state_its_own_date()
    {
        var engine = Engine.Create(Facts, Circular("old", "2021-01-04", AllHome), Circular("new", "2021-02-01", "  revokes \"old\" from 2021-02-15\n" + GuruHome));
        engine.Decide("staff", new LocalDate(2021, 2, 12)).Mode.Should().Be(WorkMode.Home, "until the stated date the older circular is in force");
        engine.Decide("staff", new LocalDate(2021, 2, 15)).Mode.Should().Be(WorkMode.NotCovered);
    }

    [Fact]
    public void An_amendment_replaces_restated_provisions_withdraws_named_ones_and_keeps_the_rest_from_its_first_day()
    {
        const string Amendment = """
              amends "se-23"
              withdraws report
              provision all-home {
                cite "1" "pegawai bekerja di kantor"
                mode office
              }
              provision guru-home {
                cite "2" "guru tetap dari rumah"
                scope employee.roles has guru
                overrides all-home
                mode home
              }
            """;
        var engine = Engine.Create(Facts, Circular("se-23", "2021-01-04", AllHome), Circular("se-24", "2021-02-01", Amendment));
        var before = engine.Decide("staff", new LocalDate(2021, 1, 29));
        before.Mode.Should().Be(WorkMode.Home);
        before.Obligations.Select(o => o.Kind).Should().Equal("report");

        var explained = engine.Explain("staff", March1);
        explained.Decision.Mode.Should().Be(WorkMode.Office);
        explained.Decision.Circulars.Should().Equal(["se-23", "se-24"], "the amendment in the standing version is in force too");
        explained.Decision.Provisions.Should().Equal(new ProvisionRef("all-home", "se-24", "point 1: \"pegawai bekerja di kantor\""));
        // The trace names the deciding provision as the decision does: by the circular whose text it is.
        explained.Trace.Should().Contain(t => t.Circular == "se-24" && t.Provision == "all-home" && t.Outcome == "applied");
        explained.Decision.Obligations.Should().BeEmpty("the amendment withdraws the report");
        explained.Trace.Should().Contain(t => t.Circular == "se-23" && t.Outcome == "in force" && t.Reason.Contains("as amended by se-24"));
        explained.Trace.Where(t => t.Circular == "se-23" && t.Provision is null && t.Outcome.Contains("in force")).Should().ContainSingle("the version that stands is told of, not every version");
        engine.Decide("guru", March1).Provisions.Select(p => $"{p.Circular}/{p.Id}").Should().Equal("se-24/guru-home");
        engine.Policy.Circulars.Should().Equal("se-23");
    }

    [Fact]
    public void A_circular_that_follows_another_is_asked_before_it_whatever_their_dates()
    {
        var national = Circular("national", "2021-02-01", AllHome);
        var regional = Circular("regional", "2021-01-10", "  follows \"national\"\n" + GuruHome.Replace("mode home", "mode office"));
        var engine = Engine.Create(Facts, national, regional);
        engine.Decide("guru", March1).Provisions[0].Circular.Should().Be("regional");
        engine.Decide("staff", March1).Provisions[0].Circular.Should().Be("national", "where the regional circular has nothing to say, the national one decides");
        Engine.Create(Facts, national, regional.Replace("  follows \"national\"\n", "")).Decide("guru", March1).Provisions[0].Circular.Should().Be("national");
    }

    private static Linked Link(params string[] circulars)
    {
        var vocabulary = RuleLoader.LoadFile(Repo.Path("samples", "circulars", "vocabulary.wp"), [])!;
        var files = circulars.Select((c, i) => DslParser.Parse($"c{i}.wp", c)).ToList();
        files.SelectMany(f => f.Diagnostics).Should().BeEmpty();
        return Linker.Link([vocabulary, .. files.Select(f => f.File)]);
    }

    [Fact]
    public void A_problem_of_a_circular_or_provision_that_several_versions_share_is_reported_once()
    {
        // Versions: as issued until 2021-02-01, as amended by b until 2021-03-01, as amended by c after.
        var issued = Circular("a", "2021-01-04", """
              zone Asia/Nowhere
              provision broken {
                cite "1" "x"
                scope unit.kind == dinass
                mode office
                overrides missing-one
              }
              provision pool-less {
                cite "2" "y"
                mode rotation
              }
            """ + AllHome);
        var linked = Link(issued, Circular("b", "2021-02-01", "  amends \"a\"\n" + AllHome), Circular("c", "2021-03-01", "  amends \"a\"\n" + AllHome));
        linked.Diagnostics.Should().OnlyHaveUniqueItems();
        linked.Diagnostics.Count(d => d.Code == DiagnosticCatalog.UnknownCode.Code).Should().Be(1);
        linked.Diagnostics.Count(d => d.Code == DiagnosticCatalog.UnknownZone.Code).Should().Be(1);
        linked.Diagnostics.Count(d => d.Code == DiagnosticCatalog.UnknownReference.Code).Should().Be(1);
        linked.Diagnostics.Count(d => d.Code == DiagnosticCatalog.MissingProperty.Code).Should().Be(1);
    }

    [Fact]
    public void A_conflict_that_several_versions_share_is_searched_and_reported_once()
    {
        var issued = Circular("a", "2021-01-04", """
              provision at-office {
                cite "1" "x"
                scope unit.kind == dinas
                mode office
              }
            """ + AllHome);
        var linked = Link(issued, Circular("b", "2021-02-01", "  amends \"a\"\n" + AllHome.Replace("melapor", "melapor lagi")), Circular("c", "2021-03-01", "  amends \"a\"\n  withdraws report\n"));
        linked.Diagnostics.Should().BeEmpty();
        linked.Model!.Circulars.Should().HaveCount(3, "three versions of one circular");
        var conflicts = ConflictChecker.Check(CompiledRules.Compile(linked.Model!));
        // One conflict per pair of declarations: the issued pair, and the pair with the provision b restated (which c keeps).
        conflicts.Should().OnlyHaveUniqueItems();
        conflicts.Where(d => d.Code == DiagnosticCatalog.Conflict.Code).Select(d => d.Span.Path).Should().Equal("c0.wp", "c1.wp");
    }

    [Fact]
    public void Relations_that_cannot_apply_are_reported_at_their_place()
    {
        var unknown = Link(Circular("a", "2021-02-01", "  amends \"se-99\"\n" + AllHome));
        unknown.Model.Should().BeNull();
        unknown.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Code == DiagnosticCatalog.UnknownReference.Code && d.Span.Path == "c0.wp" && d.Span.Line == 6 && d.Message.Contains("amends 'se-99', which is not loaded"));

        var citation = Link(Circular("a", "2021-02-01", "  supersedes \"SE 16/2021\"\n" + AllHome));
        citation.Model.Should().NotBeNull();
        citation.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == DiagnosticCatalog.RelationWithoutEffect.Code && d.Severity == Severity.Warning && d.Span.Line == 6);

        // A regional circular that follows a national one of another rule set: alone, nothing to order and nothing lost.
        Link(Circular("a", "2021-02-01", "  follows \"se-15-2021\"\n" + AllHome)).Diagnostics.Should().BeEmpty();
        // ...unless the name is near a loaded circular's: a likely slip, with its fix.
        var slip = Link(Circular("a", "2021-02-01", AllHome), Circular("b", "2021-03-01", "  follows \"aa\"\n" + AllHome));
        slip.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == DiagnosticCatalog.RelationWithoutEffect.Code && d.Fix! == new DiagnosticFix("aa", "a"));

        var cycle = Link(Circular("a", "2021-02-01", "  amends \"b\"\n" + AllHome), Circular("b", "2021-03-01", "  amends \"a\"\n" + AllHome));
        cycle.Diagnostics.Should().Contain(d => d.Code == DiagnosticCatalog.BadRelation.Code && d.Message.Contains("amend each other in a cycle") && d.Span.Line == 6);

        var withdrawn = Link(Circular("a", "2021-01-04", AllHome), Circular("b", "2021-02-01", "  amends \"a\"\n  withdraws reprot\n"));
        withdrawn.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Code == DiagnosticCatalog.UnknownReference.Code && d.Span.Path == "c1.wp" && d.Message.Contains("withdraws 'reprot'") && d.Message.Contains("did you mean 'report'"));

        var early = Link(Circular("a", "2021-02-01", AllHome), Circular("b", "2021-01-01", "  amends \"a\"\n" + AllHome));
        early.Diagnostics.Should().Contain(d => d.Code == DiagnosticCatalog.BadRelation.Code && d.Message.Contains("not after 'a' starts"));

        var follows = Link(Circular("a", "2021-02-01", "  follows \"b\"\n" + AllHome), Circular("b", "2021-01-01", "  follows \"a\"\n" + AllHome));
        follows.Diagnostics.Should().Contain(d => d.Code == DiagnosticCatalog.BadRelation.Code && d.Message.Contains("follows itself"));
    }

    [Fact]
    public void Relations_print_and_convert_to_the_same_syntax_in_both_encodings()
    {
        var text = Circular("b", "2021-02-01", "  amends \"a\"\n  revokes \"c\" from 2021-02-15\n  follows \"d\"\n  withdraws report\n" + GuruHome);
        var dsl = DslParser.Parse("b.wp", text);
        dsl.Diagnostics.Should().BeEmpty();
        var yaml = YamlRuleLoader.Load("b.yaml", YamlPrinter.Print(dsl.File));
        yaml.Diagnostics.Should().BeEmpty();
        yaml.File.Circulars[0].Relations.Should().BeEquivalentTo(dsl.File.Circulars[0].Relations, o => o.Excluding(m => m.Name == "Span").WithStrictOrdering());
        yaml.File.Circulars[0].Withdraws.Should().Equal("report");
        DslParser.Parse("again.wp", DslPrinter.Print(yaml.File)).File.Circulars[0].Relations.Select(r => r.From)
            .Should().Equal(null, new LocalDate(2021, 2, 15), null);
    }
}
