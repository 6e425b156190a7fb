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

/// <summary>Regions as sets: a circular for every region, and attributes a region always has.</summary>
public class RegionTests
{
    private static readonly LocalDate Fri = new(2021, 9, 24);

    private const string Regions = """
        vocabulary national {
          region kota-bogor name "Kota Bogor" zone Asia/Jakarta with java-bali true
          region kota-ambon name "Kota Ambon" zone Asia/Jayapura with java-bali false
          region kota-sorong name "Kota Sorong" zone Asia/Jayapura
        }
        """;

    private const string National = """
        circular se-23 {
          number "23/2021"
          issuer "Menteri PANRB"
          region all
          zone Asia/Jakarta
          period from 2021-09-22
          provision java-bali {
            cite "" "Jawa-Bali"
            scope region.java-bali == true
            mode rotation
            pool non-esensial per top-unit office 25% rounding down
          }
          provision outside {
            cite "" "luar Jawa-Bali"
            scope region.java-bali == false
            mode rotation
            pool non-esensial per top-unit office 50% rounding down
          }
        }
        """;

    private const string Facts = """
        units:
          - { id: bgr, region: kota-bogor, kind: dinas, agency: disdik }
          - { id: amb, region: kota-ambon, kind: dinas, agency: disdik }
          - { id: sor, region: kota-sorong, kind: dinas, agency: disdik }
        employees:
          - { id: b, unit: bgr, employment: pns }
          - { id: a, unit: amb, employment: pns }
          - { id: p, unit: sor, employment: pns }
        """;

    [Fact]
    public void A_circular_for_every_region_reads_the_attribute_each_region_always_has()
    {
        var engine = Engine.Create(Facts, Regions, National);
        engine.Decide("b", Fri).Pool!.Percent.Should().Be(25);
        engine.Decide("a", Fri).Pool!.Percent.Should().Be(50);
        var palopo = engine.Decide("p", Fri);
        palopo.Mode.Should().Be(WorkMode.Indeterminate, "Sorong does not state java-bali");
        palopo.Unknown.Should().Equal("regions.kota-sorong.java-bali");
        engine.Decide("p", Fri).Circulars.Should().BeEquivalentTo(["se-23"], "'region all' takes in every declared region");
        engine.MemoAgrees(Fri);
    }

    [Fact]
    public void Attributes_print_and_convert_in_both_encodings()
    {
        var dsl = DslParser.Parse("v.wp", Regions);
        dsl.Diagnostics.Should().BeEmpty();
        DslPrinter.Print(dsl.File).Should().Contain("region kota-bogor name \"Kota Bogor\" zone Asia/Jakarta with java-bali true");
        var yaml = YamlRuleLoader.Load("v.yaml", YamlPrinter.Print(dsl.File));
        yaml.Diagnostics.Should().BeEmpty();
        yaml.File.Vocabularies[0].Regions.Select(r => string.Join(",", r.Attributes.Select(a => a.Value.Text))).Should().Equal("true", "false", "");
    }

    [Fact]
    public void An_attribute_needs_its_field_and_no_region_is_called_all()
    {
        var bad = DslParser.Parse("v.wp", """
            vocabulary v {
              region all name "All" zone Asia/Jakarta
              region r name "R" zone Asia/Jakarta with island jawa
            }
            """);
        bad.Diagnostics.Should().BeEmpty();
        var linked = Linker.Link([bad.File]);
        linked.Diagnostics.Should().Contain(d => d.Code == DiagnosticCatalog.BadValue.Code && d.Span.Line == 2 && d.Message.Contains("cannot be called so"));
        linked.Diagnostics.Should().Contain(d => d.Code == DiagnosticCatalog.UnknownField.Code && d.Span.Line == 3 && d.Message.Contains("needs a field 'region.island'"));
    }

    [Fact]
    public void The_conflict_search_tries_each_regions_own_attributes()
    {
        var vocabulary = RuleLoader.LoadFile(Repo.Path("samples", "circulars", "vocabulary.wp"), [])!;
        var files = new[] { Regions, National }.Select((t, i) => DslParser.Parse($"f{i}.wp", t).File).ToList();
        ConflictChecker.Check(CompiledRules.Compile(Linker.Link([vocabulary, .. files]).Model!)).Should().BeEmpty("the two scopes exclude each other in every region");
        var clash = National.Replace("scope region.java-bali == false", "scope employee.employment == pns");
        var d = ConflictChecker.Check(CompiledRules.Compile(Linker.Link([vocabulary, files[0], DslParser.Parse("c.wp", clash).File]).Model!)).Should().ContainSingle().Subject;
        d.Code.Should().Be(DiagnosticCatalog.Conflict.Code);
        d.Message.Should().Contain("'java-bali' (rotation) and 'outside' (rotation)");
    }
}
