using WorkPolicy.Analysis;
using FluentAssertions;
using NodaTime;
using WorkPolicy.Parsing;
using WorkPolicy.Printing;
using WorkPolicy.Yaml;
using WorkPolicy.Checking;
using WorkPolicy.Diagnostics;
using WorkPolicy.Evaluation;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>A quota that varies with status, written once as a table; check holds its rows against each other.</summary>
public class QuotaTableTests
{
    private static readonly LocalDate Fri = new(2021, 9, 24);

    private static string Circular(string rows) => $$"""
        circular se-23 {
          number "23/2021"
          issuer "Menteri PANRB"
          region kota-palopo, kab-luwu-utara, kota-balikpapan
          period from 2021-09-22
          provision non-esensial {
            cite "" "non-esensial"
            mode rotation
            pool pegawai per top-unit office table rounding down {
        {{rows}}
            }
          }
        }
        """;

    private const string Levels = """
              when region.ppkm.level == 1: 75%
              when region.ppkm.level == 2: 50%
              when region.ppkm.level == 3: at-most 25%
              when region.ppkm.level == 4: 0%
        """;

    private const string Facts = """
        regions:
          kota-palopo:
            ppkm: [ { from: 2021-09-01, level: 3 } ]
          kab-luwu-utara:
            ppkm: [ { from: 2021-09-01, level: 1 }, { from: 2021-09-24, level: 4 } ]
        units:
          - { id: plp, region: kota-palopo, kind: dinas, agency: disdik }
          - { id: lu, region: kab-luwu-utara, kind: dinas, agency: disdik }
          - { id: bpp, region: kota-balikpapan, kind: dinas, agency: disdik }
        employees:
          - { id: p, unit: plp, employment: pns }
          - { id: l, unit: lu, employment: pns }
          - { id: b, unit: bpp, employment: pns }
        """;

    [Fact]
    public void The_row_that_holds_gives_the_share()
    {
        var engine = Engine.Create(Facts, Circular(Levels));
        engine.Decide("p", Fri).Pool.Should().Be(new PoolAssignment("pegawai", "plp", QuotaPlace.Office, 25, Rounding.Down, AtMost: true));
        engine.Decide("l", Fri).Pool!.Percent.Should().Be(0, "Luwu Utara is at level 4 from 24 September");
        engine.Decide("l", new LocalDate(2021, 9, 23)).Pool!.Percent.Should().Be(75);
        var unknown = engine.Decide("b", Fri);
        unknown.Mode.Should().Be(WorkMode.Indeterminate, "which row holds depends on a status the facts do not give");
        unknown.Unknown.Should().Equal("regions.kota-balikpapan.ppkm");
        engine.MemoAgrees(Fri);
    }

    [Fact]
    public void Where_no_row_holds_the_provision_does_not_apply_and_check_warns()
    {
        // Levels are searched between the smallest and the largest the rows name: a missing level 3 is a gap.
        var rows = Levels.Replace("      when region.ppkm.level == 3: at-most 25%", "");
        var engine = Engine.Create(Facts, Circular(rows));
        var d = engine.Decide("p", Fri);
        (d.Mode, d.Reason).Should().Be((WorkMode.NotCovered, NotCoveredReason.NoProvisionFits), "Palopo is at level 3");
        var gap = ConflictChecker.Check(engine.Rules).Should().ContainSingle().Subject;
        (gap.Code, gap.Severity).Should().Be((DiagnosticCatalog.QuotaRowsGap.Code, Severity.Warning));
        gap.Message.Should().Contain("no row of the quota table of 'non-esensial' holds when region.ppkm.level = 3");
        ConflictChecker.Check(Engine.Create(Facts, Circular(Levels)).Rules).Should().BeEmpty("levels 1 to 4 are each covered once");
    }

    [Fact]
    public void Rows_that_can_both_hold_are_an_error_at_the_later_row()
    {
        var rows = Levels.Replace("when region.ppkm.level == 2: 50%", "when region.ppkm.level <= 2: 50%");
        var d = ConflictChecker.Check(Engine.Create(Facts, Circular(rows)).Rules).Should().ContainSingle().Subject;
        d.Code.Should().Be(DiagnosticCatalog.QuotaRowsOverlap.Code);
        d.Message.Should().Contain("rows 1 and 2 of the quota table of 'non-esensial' both hold, e.g. when region.ppkm.level = 1");
        d.Span.Line.Should().Be(11);
    }

    [Fact]
    public void Tables_print_and_convert_in_both_encodings()
    {
        var dsl = DslParser.Parse("c.wp", Circular(Levels));
        dsl.Diagnostics.Should().BeEmpty();
        var printed = DslPrinter.Print(dsl.File);
        printed.Should().Contain("pool pegawai per top-unit office table rounding down {\n      when region.ppkm.level == 3: at-most 25%\n".Replace("\n      when region.ppkm.level == 3", "\n      when region.ppkm.level == 1: 75%\n      when region.ppkm.level == 2: 50%\n      when region.ppkm.level == 3"));
        DslParser.Parse("again.wp", printed).File.Should().BeEquivalentTo(dsl.File, o => o.Excluding(m => m.Name == "Span" || m.Name == "Path" || m.Name == "Digest").RespectingRuntimeTypes());
        var yaml = YamlRuleLoader.Load("c.yaml", YamlPrinter.Print(dsl.File));
        yaml.Diagnostics.Should().BeEmpty();
        yaml.File.Circulars[0].Provisions[0].Pool!.Table.Select(r => (r.Percent, r.AtMost)).Should().Equal((75m, false), (50m, false), (25m, true), (0m, false));
    }

    [Fact]
    public void A_yaml_pool_states_either_a_percent_or_a_table()
    {
        var both = YamlRuleLoader.Load("c.yaml", """
            circulars:
              - id: c
                number: "1"
                issuer: "x"
                regions: [kota-palopo]
                period: { from: 2021-09-22 }
                provisions:
                  - id: p
                    cite: { point: "", quote: "x" }
                    mode: rotation
                    pool: { group: g, per: unit, place: office, percent: 50, table: [ { when: "region.ppkm.level == 1", percent: 75 } ] }
            """);
        both.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("states its shares in the rows");
    }
}
