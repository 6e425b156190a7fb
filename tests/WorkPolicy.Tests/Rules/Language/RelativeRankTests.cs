using FluentAssertions;
using NodaTime;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>
/// Rank relative to the unit: "the two highest structural levels of each perangkat daerah stay at the office", read
/// from the levels the unit's employees actually hold (<c>employee.echelon in top 2 of top-unit</c>, the field's
/// levels stated from the highest with <c>rank { … }</c>) — a kecamatan whose highest level is III keeps its III and
/// IV at the office, where a fixed list of levels per kind of unit sent them home. Unknown levels stay unknown where
/// they could change the answer; streams are read whole first; both encodings and the printer agree.
/// </summary>
public class RelativeRankTests
{
    private static readonly string Vocabulary = File.ReadAllText(Repo.Path("samples", "circulars", "vocabulary.wp"))
        .Replace("field employee.echelon: one-of { I, II, III, IV, none } default none rank { I, II, III, IV }", "field employee.echelon: one-of { I, II, III, IV, none } rank { I, II, III, IV }", StringComparison.Ordinal);

    private const string Heads = """
        circular heads-2021 {
          number unknown
          issuer "Wali Kota Palopo"
          region kota-palopo
          period from 2021-07-01
          provision staff-home {
            cite "1" summary "staff work from home"
            scope asn
            mode home
          }
          provision heads-office {
            cite "2" summary "the two highest structural levels of each perangkat daerah stay at the office"
            scope asn and employee.echelon in top 2 of top-unit
            overrides staff-home
            mode office
          }
          provision unit-head-report {
            cite "3" summary "the highest level of each unit reports daily"
            scope asn and employee.echelon in top 1 of unit
            obligation report {
              to "kepala-perangkat-daerah"
            }
          }
        }
        """;

    private const string Staff = """
        units:
          - { id: dinas, region: kota-palopo, kind: dinas, agency: disdik }
          - { id: bidang, region: kota-palopo, kind: uptd, agency: disdik, parent: dinas }
          - { id: kec, region: kota-palopo, kind: kecamatan, agency: kecamatan }
          - { id: open, region: kota-palopo, kind: kantor, agency: dinsos }
        employees:
          - { id: kadis, unit: dinas, employment: pns, echelon: II }
          - { id: kabid, unit: bidang, employment: pns, echelon: III }
          - { id: kasi, unit: bidang, employment: pns, echelon: IV }
          - { id: staf, unit: bidang, employment: pns, echelon: none }
          - { id: camat, unit: kec, employment: pns, echelon: III }
          - { id: kasi-kec, unit: kec, employment: pns, echelon: IV }
          - { id: kasi-kec-2, unit: kec, employment: pns, echelon: IV }
          - { id: staf-kec, unit: kec, employment: pns, echelon: none }
          - { id: known, unit: open, employment: pns, echelon: IV }
          - { id: unsure, unit: open, employment: pns }
        """;

    private static readonly LocalDate Day = new(2021, 7, 5);

    private static PolicyEngine Engine(string circular = Heads)
    {
        var loaded = PolicyEngine.Load([new RuleSource("vocabulary.wp", Vocabulary), new RuleSource("heads.wp", circular)]);
        loaded.Diagnostics.Where(d => d.Severity == Severity.Error).Should().BeEmpty(string.Join("\n", loaded.Diagnostics));
        return loaded.Value!;
    }

    [Fact]
    public void The_two_highest_levels_a_unit_holds_stay_whatever_they_are()
    {
        var engine = Engine();
        var facts = engine.Facts.Parse("staff.yaml", Staff).Value!;
        WorkMode Mode(string id) => engine.Decide(facts, id, Day).Mode;
        // The dinas holds II, III and IV: II and III stay, IV and the staff go home.
        Mode("kadis").Should().Be(WorkMode.Office);
        Mode("kabid").Should().Be(WorkMode.Office);
        Mode("kasi").Should().Be(WorkMode.Home);
        Mode("staf").Should().Be(WorkMode.Home);
        // The kecamatan's highest is III: III and both IV stay.
        Mode("camat").Should().Be(WorkMode.Office);
        Mode("kasi-kec").Should().Be(WorkMode.Office);
        Mode("kasi-kec-2").Should().Be(WorkMode.Office);
        Mode("staf-kec").Should().Be(WorkMode.Home);
    }

    [Fact]
    public void Of_unit_reads_the_employees_own_unit_and_an_unknown_level_is_unknown_only_where_it_matters()
    {
        var engine = Engine();
        var facts = engine.Facts.Parse("staff.yaml", Staff).Value!;
        // In the bidang, III is the highest: the kabid reports; the kasi does not, the dinas's II is not the bidang's.
        engine.Decide(facts, "kabid", Day).Obligations.Select(o => o.Kind).Should().Contain("report");
        engine.Decide(facts, "kasi", Day).Obligations.Select(o => o.Kind).Should().NotContain("report");
        engine.Decide(facts, "kadis", Day).Obligations.Select(o => o.Kind).Should().Contain("report");
        // In the open office one level is unknown: IV is in the top 2 whatever it is, but whether it is the top 1 is not known.
        engine.Decide(facts, "known", Day).Mode.Should().Be(WorkMode.Office);
        var pending = engine.Decide(facts, "known", Day);
        pending.Obligations.Should().Contain(o => o.Kind == "report" && o.Pending);
        pending.Unknown.Should().Equal("employees[unsure].echelon");
        var unsure = engine.Decide(facts, "unsure", Day);
        unsure.Mode.Should().Be(WorkMode.Indeterminate);
        unsure.Unknown.Should().Equal("employees[unsure].echelon");
    }

    [Fact]
    public void A_stream_is_read_whole_first_and_decides_as_the_whole_load_and_the_batch_as_one_by_one()
    {
        var engine = Engine();
        var whole = engine.Facts.Parse("staff.yaml", Staff).Value!;
        var single = whole.Employees.Select(id => engine.Decide(whole, id, Day)).ToList();
        engine.DecideAll(whole, Day, Day).Should().BeEquivalentTo(single);
        using var stream = engine.Facts.Open("staff.yaml", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Staff))).Value!;
        engine.DecideAll(stream, Day, Day).ToList().Should().BeEquivalentTo(single);
    }

    [Theory]
    [InlineData("employee.position in top 2 of top-unit", "'employee.position' has no ranked levels")]
    [InlineData("employee.echelon in top 0 of top-unit", "'in top 0' counts no level")]
    [InlineData("employee.echelon in top 2 of region", "expected 'in top N of unit' or 'in top N of top-unit'")]
    public void Mistakes_say_what_is_expected(string scope, string message)
    {
        var circular = Heads.Replace("asn and employee.echelon in top 2 of top-unit", scope, StringComparison.Ordinal);
        var loaded = PolicyEngine.Load([new RuleSource("vocabulary.wp", Vocabulary), new RuleSource("heads.wp", circular)]);
        loaded.Diagnostics.Should().Contain(d => d.Severity == Severity.Error && d.Message.Contains(message), string.Join("\n", loaded.Diagnostics));
    }

    [Fact]
    public void A_rank_names_codes_of_its_one_of_field()
    {
        var vocabulary = Vocabulary.Replace("rank { I, II, III, IV }", "rank { I, II, III, V }", StringComparison.Ordinal);
        var loaded = PolicyEngine.Load([new RuleSource("vocabulary.wp", vocabulary), new RuleSource("heads.wp", Heads)]);
        loaded.Diagnostics.Should().Contain(d => d.Message.Contains("'V' in the rank of 'employee.echelon' is not one of its codes") && d.Fix != null, string.Join("\n", loaded.Diagnostics));
        var twice = PolicyEngine.Load([new RuleSource("vocabulary.wp", Vocabulary.Replace("rank { I, II, III, IV }", "rank { I, II, II, IV }", StringComparison.Ordinal)), new RuleSource("heads.wp", Heads)]);
        twice.Diagnostics.Should().Contain(d => d.Severity == Severity.Error && d.Message.Contains("names a level twice or more than 64 levels"));
    }

    [Fact]
    public void The_yaml_twin_and_the_printed_dsl_decide_alike()
    {
        var folder = Directory.CreateTempSubdirectory("wp-rank-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "vocabulary.wp"), Vocabulary);
            var dsl = Path.Combine(folder.FullName, "heads.wp");
            File.WriteAllText(dsl, Heads);
            var yamlCircular = RuleFiles.Convert(dsl, RuleEncoding.Yaml).Value!;
            var yamlVocabulary = RuleFiles.Convert(Path.Combine(folder.FullName, "vocabulary.wp"), RuleEncoding.Yaml).Value!;
            yamlCircular.Should().Contain("employee.echelon in top 2 of top-unit");
            yamlVocabulary.Should().Contain("rank: [I, II, III, IV]");
            RuleFiles.FormatText("heads.wp", Heads).Value.Should().Contain("employee.echelon in top 1 of unit");
            var fromYaml = PolicyEngine.Load([new RuleSource("vocabulary.yaml", yamlVocabulary), new RuleSource("heads.yaml", yamlCircular)]).Value!;
            var engine = Engine();
            var facts = engine.Facts.Parse("staff.yaml", Staff).Value!;
            var yamlFacts = fromYaml.Facts.Parse("staff.yaml", Staff).Value!;
            foreach (var id in facts.Employees) fromYaml.Decide(yamlFacts, id, Day).Should().Be(engine.Decide(facts, id, Day));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
