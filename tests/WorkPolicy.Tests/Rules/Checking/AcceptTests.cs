using FluentAssertions;
using WorkPolicy.Cli;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>An analyst accepts a known warning in the rule file, with a reason: check shows it as accepted, not hidden; an error cannot be accepted.</summary>
public sealed class AcceptTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("wp-accept-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    // Paser decides for ASN only: contract staff are left out on purpose (WP0316 otherwise).
    private const string Circular = """
        circular paser-asn {
          number "1"
          issuer "Bupati Paser"
          region kab-paser
          period from 2020-07-29
          accept WP0316 "the circular speaks to ASN only; contract staff follow their units' own rules"

          provision asn-home {
            cite "1" "ASN bekerja dari rumah"
            scope asn
            mode home
          }
        }
        """;

    private string Write(string name, string text)
    {
        File.Copy(Repo.Path("samples", "circulars", "vocabulary.wp"), Path.Combine(_temp, "vocabulary.wp"), overwrite: true);
        var path = Path.Combine(_temp, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void An_accepted_warning_is_shown_with_its_reason_and_counted_apart_in_both_encodings()
    {
        var dsl = Write("paser.wp", Circular);
        var report = PolicyAnalysis.Check([_temp]);
        var gap = report.Diagnostics.Should().ContainSingle(d => d.Code == "WP0316").Subject;
        gap.Accepted.Should().Be("the circular speaks to ASN only; contract staff follow their units' own rules");
        gap.ToString().Should().EndWith("(accepted: the circular speaks to ASN only; contract staff follow their units' own rules)");
        (report.Warnings, report.Accepted).Should().Be((0, 1));
        report.Summary.Should().EndWith("0 error(s), 0 warning(s), 1 accepted");
        var output = new StringWriter { NewLine = "\n" };
        var errors = new StringWriter { NewLine = "\n" };
        WorkPolicyCommand.Run(["check", _temp], output, errors).Should().Be(0);
        errors.ToString().Should().Contain("warning WP0316").And.Contain("(accepted: ");

        // The YAML twin says the same, and both print and read back alike.
        var yaml = RuleFiles.Convert(dsl, RuleEncoding.Yaml, Path.Combine(_temp, "twin.yaml")).Value!;
        var canonical = RuleFiles.Convert(dsl, RuleEncoding.Dsl).Value!;
        canonical.Should().Contain("  accept WP0316 \"the circular speaks to ASN only; contract staff follow their units' own rules\"\n");
        yaml.Should().Contain("accept:\n      - code: WP0316\n        reason: ");
        File.Delete(dsl);
        File.WriteAllText(Path.Combine(_temp, "paser.yaml"), yaml);
        PolicyAnalysis.Check([_temp]).Accepted.Should().Be(1);
        RuleFiles.Convert(Path.Combine(_temp, "paser.yaml"), RuleEncoding.Dsl).Value.Should().Be(canonical);
    }

    [Fact]
    public async Task The_editor_shows_an_accepted_warning_as_a_hint_with_its_reason()
    {
        var path = Write("paser.wp", Circular);
        await using var client = LspClient.InProcess();
        await client.Initialize();
        await client.Open(path, Circular);
        var diagnostics = await client.Diagnostics(path, d => d.EnumerateArray().Any(x => x.GetProperty("code").GetString() == "WP0316"));
        var gap = diagnostics.EnumerateArray().Single(x => x.GetProperty("code").GetString() == "WP0316");
        gap.GetProperty("severity").GetInt32().Should().Be(4);
        gap.GetProperty("message").GetString().Should().EndWith("(accepted: the circular speaks to ASN only; contract staff follow their units' own rules)");
    }

    [Fact]
    public void An_error_or_an_unknown_code_cannot_be_accepted()
    {
        Write("c.wp", Circular.Replace("accept WP0316", "accept WP0305").Replace("period from 2020-07-29\n", "period from 2020-07-29\n  accept WP0361 \"typo\"\n"));
        var report = PolicyAnalysis.Check([_temp]);
        report.Diagnostics.Should().Contain(d => d.Code == "WP0110" && d.Message.Contains("WP0305 (") && d.Message.Contains("only a warning can be accepted"));
        report.Diagnostics.Should().Contain(d => d.Code == "WP0110" && d.Message.Contains("'WP0361' is not a diagnostic code") && d.Fix != null);
        report.HasErrors.Should().BeTrue();
    }
}
