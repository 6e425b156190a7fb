using System.Text.Json;
using FluentAssertions;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary><c>compare</c> without facts: every class of staff the two rule sets tell apart, over every stretch of dates.</summary>
public sealed class ComparisonTests
{
    private static string Samples => Repo.Path("samples", "circulars");

    [Fact]
    public void A_reading_that_ends_with_level_four_differs_from_the_end_of_level_four_for_the_smallest_classes()
    {
        var (code, output, err) = Shell.Run("compare", Path.Combine(Samples, "palopo.wp"), Path.Combine(Samples, "interpretations", "palopo-leaves-level-iv.wp"),
            "--from", "2021-07-01", "--to", "2021-08-31");
        err.Should().BeEmpty();
        code.Should().Be(0);
        var lines = output.Split('\n');
        // Health units: office under the circular as encoded, no longer covered under the other reading once level 3 is reached.
        lines.Should().Contain(l => l.StartsWith("2021-07-29  2021-08-31 (Mon, Tue, Wed, Thu, Fri)  kota-palopo  employee.roles lacks {kepala-perangkat-daerah}, region.ppkm.level ≤ 3, unit.kind in {puskesmas, pustu, rsud} ", StringComparison.Ordinal)
            && l.Contains("office (p2-critical-service)") && l.TrimEnd().EndsWith("not-covered", StringComparison.Ordinal));
        // A fact the difference does not depend on is not named: the services of a unit alone decide it.
        lines.Should().Contain(l => l.Contains(", unit.services has {critical|direct-service}, region.ppkm.level ≤ 3  "));
        output.Should().Contain("  2021-07-01 to 2021-07-28: no differences");
        output.Should().NotContain("region.ppkm.level = 4").And.NotContain("region.ppkm.level ≥ 4");
    }

    [Fact]
    public void A_rule_set_compared_with_its_twin_in_the_other_encoding_has_no_difference()
    {
        var (code, output, _) = Shell.Run("compare", Path.Combine(Samples, "palopo.wp"), Path.Combine(Samples, "yaml", "palopo.yaml"), "--from", "2021-07-01", "--to", "2021-12-31");
        code.Should().Be(0);
        output.Should().Contain("classes compared").And.Contain("\nno differences\n");
    }

    [Fact]
    public void With_facts_each_difference_counts_its_people_and_json_shows_both_sides_in_full()
    {
        var (code, output, _) = Shell.Run("compare", Path.Combine(Samples, "palopo.wp"), Path.Combine(Samples, "interpretations", "palopo-leaves-level-iv.wp"),
            "--facts", Repo.Path("samples", "facts", "personas.facts.yaml"), "--from", "2021-08-20", "--to", "2021-08-27", "--format", "json");
        code.Should().Be(0);
        using var doc = JsonDocument.Parse(output);
        var classes = doc.RootElement.GetProperty("classes").EnumerateArray().ToList();
        classes.Should().NotBeEmpty();
        // The heads' duties (p3, p4) split each class by roles: the nurse is no head.
        var health = classes.Single(c => c.GetProperty("who").GetString() == "employee.roles lacks {kepala-perangkat-daerah}, region.ppkm.level ≤ 3, unit.kind in {puskesmas, pustu, rsud}");
        health.GetProperty("from").GetString().Should().Be("2021-08-20", "the level is a class of its own, whatever date the facts reach it");
        health.GetProperty("a").GetProperty("mode").GetString().Should().Be("office");
        health.GetProperty("b").GetProperty("mode").GetString().Should().Be("not-covered");
        // Each class counts the personas in it on some date of its stretch: the puskesmas nurse once level 3 is
        // reached (24 August); nobody on the weekend of 21–22 August, still at level 4 in Palopo.
        health.GetProperty("people").GetInt32().Should().Be(1);
        classes.Single(c => c.GetProperty("who").GetString() == "region.ppkm.level ≤ 3").GetProperty("people").GetInt32().Should().Be(0);
        // Per employee, consecutive dates that differ alike are one stretch: the honorer from Tuesday to Friday.
        var honorer = doc.RootElement.GetProperty("differences").EnumerateArray().Where(d => d.GetProperty("employee").GetString() == "plp-honorer").ToList();
        honorer.Select(d => (d.GetProperty("from").GetString(), d.GetProperty("to").GetString())).Should().Equal(("2021-08-24", "2021-08-27"));
    }

    [Fact]
    public void An_incident_is_tried_at_every_age_a_closure_can_tell_apart()
    {
        var (code, output, _) = Shell.Run("compare", Path.Combine(Samples, "balikpapan.wp"), Path.Combine(Samples, "interpretations", "balikpapan-closure-day-after.wp"),
            "--from", "2020-08-01", "--to", "2020-08-31", "--format", "json");
        code.Should().Be(0);
        using var doc = JsonDocument.Parse(output);
        var classes = doc.RootElement.GetProperty("classes").EnumerateArray().ToList();
        // Three days from the confirmation, or from the day after: they differ on the first day and on the fourth.
        static string Modes(JsonElement c) => $"{c.GetProperty("a").GetProperty("mode").GetString()} -> {c.GetProperty("b").GetProperty("mode").GetString()}";
        classes.Where(c => c.GetProperty("who").GetString()!.Contains("incident positive-case = confirmed that day", StringComparison.Ordinal)).Select(Modes)
            .Should().NotBeEmpty().And.OnlyContain(m => m.StartsWith("home -> ", StringComparison.Ordinal));
        classes.Where(c => c.GetProperty("who").GetString()!.Contains("incident positive-case = confirmed 3 days before", StringComparison.Ordinal)).Select(Modes)
            .Should().NotBeEmpty().And.OnlyContain(m => m.EndsWith(" -> home", StringComparison.Ordinal));
        classes.Should().NotContain(c => c.GetProperty("who").GetString()!.Contains("confirmed 1 day before"), "on the second and third day both read the closure alike");
    }
}
