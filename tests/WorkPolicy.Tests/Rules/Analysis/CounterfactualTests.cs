using System.Text.Json;
using FluentAssertions;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>What would change an answer (<c>explain</c>) and which missing facts would settle most (<c>eval --missing</c>).</summary>
public sealed class CounterfactualTests
{
    private static string Samples => Repo.Path("samples", "circulars");
    private static string Facts => Repo.Path("samples", "facts", "sample.facts.yaml");

    [Fact]
    public void Explain_lists_the_single_fact_changes_that_give_another_mode()
    {
        var (code, output, _) = Shell.Run("explain", Samples, "--facts", Facts, "--employee", "e-104", "--on", "2021-07-30");
        code.Should().Be(0);
        output.Should().Contain("what would change this answer (one fact set otherwise):");
        // e-104 works in a kecamatan, which Luwu Utara exempts: as non-ASN staff, or in a secretariat, they would rotate.
        output.Should().Contain("  employee.employment pns → honorer or kontrak or ptt: rotation non-asn@kec-masamba home 50% (non-asn-half, ");
        output.Should().Contain("  unit.kind kecamatan → sekretariat-daerah: rotation pelaksana@kec-masamba home 50% (pelaksana-half, ");
        output.Should().NotContain("→ kecamatan", "a change must differ from the fact as it is");
    }

    [Fact]
    public void A_pending_obligation_names_the_missing_fact_that_settles_it_while_the_mode_stands()
    {
        // Palopo's share-location duty is for ASN; without e-005's employment the rotation stands and the duty is pending.
        var (code, output, _) = Shell.Run("explain", Samples, "--facts", Facts, "--employee", "e-005", "--on", "2021-07-30", "--format", "json");
        code.Should().Be(0);
        using var doc = JsonDocument.Parse(output);
        var decision = doc.RootElement.GetProperty("decision");
        decision.GetProperty("mode").GetString().Should().Be("rotation");
        decision.GetProperty("unknown").EnumerateArray().Select(e => e.GetString()).Should().Equal("employees[e-005].employment");
        var checkIn = decision.GetProperty("obligations").EnumerateArray().Single(o => o.GetProperty("kind").GetString() == "check-in");
        checkIn.GetProperty("pending").GetBoolean().Should().BeTrue();
        decision.GetProperty("obligations").EnumerateArray().Single(o => o.GetProperty("kind").GetString() == "rotation").TryGetProperty("pending", out _).Should().BeFalse();
        doc.RootElement.GetProperty("settledBy").EnumerateArray().Select(e => e.GetString()).Should().Equal("employees[e-005].employment");
        doc.RootElement.GetProperty("whatIf").EnumerateArray().Should().NotContain(w => w.GetProperty("fact").GetString() == "employee.employment", "the employment changes a duty, not the mode");
    }

    [Fact]
    public void Eval_missing_ranks_the_facts_by_the_decisions_they_settle()
    {
        var (code, output, _) = Shell.Run("eval", Samples, "--facts", Facts, "--from", "2021-07-01", "--to", "2021-08-31", "--missing");
        code.Should().Be(0);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("7 of 744 decisions are indeterminate, 22 have a pending obligation; 2 fact(s) missing, those that settle most first");
        lines[2].Should().MatchRegex(@"^employees\[e-005\]\.employment\s+22\s+22$");
        lines[3].Should().MatchRegex(@"^employees\[e-106\]\.it_capable\s+7\s+7$");
    }

    [Fact]
    public void Eval_missing_as_json_holds_the_counts_and_the_ranked_facts()
    {
        var (code, output, _) = Shell.Run("eval", Samples, "--facts", Facts, "--from", "2021-07-01", "--to", "2021-08-31", "--missing", "--format", "json");
        code.Should().Be(0);
        using var doc = JsonDocument.Parse(output);
        (doc.RootElement.GetProperty("decisions").GetInt32(), doc.RootElement.GetProperty("indeterminate").GetInt32(), doc.RootElement.GetProperty("pending").GetInt32()).Should().Be((744, 7, 22));
        doc.RootElement.GetProperty("missing").EnumerateArray().Select(m => $"{m.GetProperty("fact").GetString()} {m.GetProperty("settles").GetInt32()}/{m.GetProperty("neededBy").GetInt32()}")
            .Should().Equal("employees[e-005].employment 22/22", "employees[e-106].it_capable 7/7");
    }
}
