using FluentAssertions;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>
/// Two circulars for one region in force from the same day, deciding differently with no relation between them, would
/// be ordered by their ids alone (renaming one would flip every answer): WP0322 on a strict load and on check, naming
/// the region, the day and who; a 'follows' (or 'supersedes', 'amends') settles it; circulars that agree, or start on
/// different days, are not a tie.
/// </summary>
public class CircularTieTests
{
    private static readonly string Vocabulary = File.ReadAllText(Repo.Path("samples", "circulars", "vocabulary.wp"));

    private static string Circular(string id, string mode, string from = "2021-07-01", string relation = "") => $$"""
        circular {{id}} {
          number unknown-{{id}}
          issuer "Wali Kota Palopo"
          region kota-palopo
          period from {{from}}
          {{relation}}
          provision all-staff {
            cite "1" "seluruh pegawai"
            scope asn
            mode {{mode}}
          }
        }
        """.Replace("number unknown-" + id, $"number \"{id}/2021\"");

    private static Loaded<PolicyEngine> Load(params string[] circulars) =>
        PolicyEngine.Load([new("vocabulary.wp", Vocabulary), .. circulars.Select((c, i) => new RuleSource($"c{i}.wp", c))]);

    [Fact]
    public void Two_circulars_from_the_same_day_that_decide_differently_tie()
    {
        var tied = Load(Circular("palopo-a", "home"), Circular("palopo-b", "office"));
        tied.Value.Should().BeNull("a strict load refuses an unresolved conflict");
        var d = tied.Diagnostics.Should().ContainSingle(x => x.Code == "WP0322").Subject;
        d.Severity.Should().Be(Severity.Error);
        d.Message.Should().Contain("'palopo-a'").And.Contain("'palopo-b'").And.Contain("kota-palopo").And.Contain("2021-07-01").And.Contain("follows");
        d.Span.Path.Should().Be("c1.wp");
        var folder = Directory.CreateTempSubdirectory("wp-tie-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "vocabulary.wp"), Vocabulary);
            File.WriteAllText(Path.Combine(folder, "a.wp"), Circular("palopo-a", "home"));
            File.WriteAllText(Path.Combine(folder, "b.wp"), Circular("palopo-b", "office"));
            var check = PolicyAnalysis.Check([folder]);
            check.Diagnostics.Should().Contain(x => x.Code == "WP0322", "check says so too");
            check.Errors.Should().BeGreaterThan(0);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("follows \"palopo-a\"")]
    [InlineData("supersedes \"palopo-a\"")]
    public void A_stated_relation_settles_the_tie(string relation)
    {
        var settled = Load(Circular("palopo-a", "home"), Circular("palopo-b", "office", relation: relation));
        settled.Diagnostics.Should().NotContain(x => x.Code == "WP0322");
        settled.Value.Should().NotBeNull();
    }

    [Fact]
    public void Circulars_that_agree_or_start_on_different_days_do_not_tie()
    {
        Load(Circular("palopo-a", "home"), Circular("palopo-b", "home")).Diagnostics.Should().NotContain(x => x.Code == "WP0322");
        Load(Circular("palopo-a", "home"), Circular("palopo-b", "office", from: "2021-07-02")).Diagnostics.Should().NotContain(x => x.Code == "WP0322");
    }
}
