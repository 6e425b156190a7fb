using System.Text.Json;
using FluentAssertions;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary><c>test --coverage</c>, <c>--threshold</c>, <c>--mutations</c> and <c>--json</c> on a two-provision circular.</summary>
public sealed class CoverageTests : IDisposable
{
    private readonly TempRules _rules = new("from 2021-07-01 to 2021-07-30", """
          provision home-default {
            cite "1" "bekerja dari rumah"
            mode home
          }

          provision health-office {
            cite "2" "fasilitas kesehatan"
            scope unit.kind in { puskesmas, rsud }
            overrides home-default
            mode office
          }

        """);

    private string Folder => _rules.Folder;

    public void Dispose() => _rules.Dispose();

    private string Tests(params (string Employee, string Date, string Mode)[] cases)
    {
        var file = Path.Combine(Folder, "t.tests.yaml");
        File.WriteAllText(file, "rules: [.]\nfacts:\n  units:\n    - { id: pkm, region: kab-luwu-utara, kind: puskesmas, agency: dinkes }\n    - { id: dinas, region: kab-luwu-utara, kind: dinas, agency: dinsos }\n" +
            "  employees:\n    - { id: nurse, unit: pkm, employment: pns }\n    - { id: clerk, unit: dinas, employment: pns }\ncases:\n" +
            string.Concat(cases.Select((c, i) => $"  - {{ name: case {i}, employee: {c.Employee}, on: {c.Date}, expect: {{ mode: {c.Mode} }} }}\n")));
        return file;
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => Shell.Run(args);

    [Fact]
    public void A_case_where_the_exception_applies_reaches_both_provisions_and_the_edge()
    {
        var (code, output, _) = Run("test", Tests(("nurse", "2021-07-05", "office")), "--coverage");
        code.Should().Be(0);
        output.Should().Contain(": 3 of 3 items reached (100.0 %)");
        output.Should().Contain("provision      2 of 2    decided 1, overridden 1");
        output.Should().Contain("overrides      1 of 1    reached 1");
        output.Should().NotContain("not reached");
    }

    [Fact]
    public void What_no_case_reaches_is_listed_with_its_place_and_the_threshold_fails_the_run()
    {
        var file = Tests(("clerk", "2021-07-05", "home"));
        var (code, output, _) = Run("test", file, "--coverage", "--threshold", "50");
        code.Should().Be(1);
        output.Should().Contain(": 1 of 3 items reached (33.3 %)");
        output.Should().MatchRegex(@"not reached  \S*t\.wp\(13,3\): t-2021: provision health-office");
        output.Should().MatchRegex(@"not reached  \S*t\.wp\(13,3\): t-2021: health-office overrides home-default");
        output.TrimEnd().Should().EndWith("1 passed, 0 failed; coverage below 50 % in " + Folder);
        Run("test", file, "--threshold", "30").Code.Should().Be(0);
    }

    [Fact]
    public void Coverage_is_reported_as_json_with_every_item()
    {
        var json = Path.Combine(Folder, "coverage.json");
        Run("test", Tests(("clerk", "2021-07-05", "home")), "--json", json).Code.Should().Be(0);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var set = doc.RootElement.GetProperty("ruleSets")[0];
        set.GetProperty("percent").GetDecimal().Should().Be(33.3m);
        set.GetProperty("coverage").EnumerateArray().Select(i => $"{i.GetProperty("kind").GetString()} {i.GetProperty("name").GetString()}: {i.GetProperty("state").GetString()} @{i.GetProperty("line").GetInt32()}")
            .Should().Equal("provision home-default: decided @8", "provision health-office: not reached @13", "overrides health-office overrides home-default: not reached @13");
    }

    [Fact]
    public void Mutants_are_noticed_by_the_cases_that_fail_on_them()
    {
        var (code, output, _) = Run("test", Tests(("nurse", "2021-07-05", "office"), ("clerk", "2021-07-05", "home")), "--mutations");
        code.Should().Be(0);
        // Dropping the edge and flipping the scope are noticed; a period a day shorter at either end is not.
        output.Should().Contain(": 2 of 4 mutants noticed (50.0 %)");
        output.Should().MatchRegex(@"unnoticed    \S*t\.wp\(6,3\): t-2021: starts 2021-07-02 instead of 2021-07-01");
        output.Should().MatchRegex(@"unnoticed    \S*t\.wp\(6,3\): t-2021: ends 2021-07-29 instead of 2021-07-30");
        output.Should().NotContain("no longer overrides").And.NotContain("read as not-in");

        var (_, edges, _) = Run("test", Tests(("nurse", "2021-07-01", "office"), ("clerk", "2021-07-30", "home")), "--mutations");
        edges.Should().Contain(": 4 of 4 mutants noticed (100.0 %)");
    }

    [Fact]
    public void An_exception_the_order_already_gives_is_equivalent_and_one_it_does_not_is_noticed()
    {
        // The health office provision comes first and says the same as the one it overrides: it wins wherever it applies,
        // the exception or not, so dropping 'overrides' changes no decision. Written the other way round, the exception
        // is what makes it win, and a case notices its loss (the deciding provision changes).
        foreach (var (first, second, equivalent) in new[] { ("health-office", "office-default", true), ("office-default", "health-office", false) })
        {
            string Provision(string id) => id == "health-office"
                ? "  provision health-office {\n    cite \"2\" \"fasilitas kesehatan\"\n    scope unit.kind in { puskesmas, rsud }\n    overrides office-default\n    mode office\n  }\n\n"
                : "  provision office-default {\n    cite \"1\" \"bekerja di kantor\"\n    mode office\n  }\n\n";
            using var rules = new TempRules("from 2021-07-01 to 2021-07-30", Provision(first) + Provision(second));
            var file = rules.Path("t.tests.yaml");
            File.WriteAllText(file, "rules: [.]\nfacts:\n  units:\n    - { id: pkm, region: kab-luwu-utara, kind: puskesmas, agency: dinkes }\n" +
                "  employees:\n    - { id: nurse, unit: pkm, employment: pns }\ncases:\n" +
                "  - { name: the nurse, employee: nurse, on: 2021-07-05, expect: { mode: office, provisions: [health-office] } }\n");
            var (code, output, _) = Run("test", file, "--mutations");
            code.Should().Be(0, output);
            if (equivalent) output.Should().Contain("1 equivalent").And.NotContain("no longer overrides");
            else output.Should().NotContain("health-office no longer overrides office-default").And.NotContain("equivalent");
        }
    }

    [Fact]
    public void A_period_shifted_off_a_day_nobody_works_is_equivalent_not_unnoticed()
    {
        // 2021-07-03 is a Saturday and 2021-07-25 a Sunday: a day lost at either end changes no working day's decision.
        using var weekend = new TempRules("from 2021-07-03 to 2021-07-25", """
              provision home-default {
                cite "1" "bekerja dari rumah"
                mode home
              }

            """);
        var file = weekend.Path("t.tests.yaml");
        File.WriteAllText(file, "rules: [.]\nfacts:\n  units:\n    - { id: dinas, region: kab-luwu-utara, kind: dinas, agency: dinsos }\n" +
            "  employees:\n    - { id: clerk, unit: dinas, employment: pns }\ncases:\n  - { name: a weekday, employee: clerk, on: 2021-07-05, expect: { mode: home } }\n");
        var (code, output, _) = Run("test", file, "--mutations");
        code.Should().Be(0);
        output.Should().Contain(": 0 of 0 mutants noticed").And.Contain("2 equivalent");
        output.Should().NotContain("unnoticed");
    }

    [Fact]
    public void A_dropped_exception_that_file_order_hides_from_the_cases_is_noticed_by_check()
    {
        using var rules = new TempRules("from 2021-07-01 to 2021-07-30", """
              provision health-home {
                cite "2" "fasilitas kesehatan"
                scope unit.kind == puskesmas
                overrides office-default
                mode home
              }

              provision office-default {
                cite "1" "bekerja di kantor"
                mode office
              }

            """);
        var tests = rules.Path("t.tests.yaml");
        File.WriteAllText(tests, "rules: [.]\nfacts:\n  units: [ { id: pkm, region: kab-luwu-utara, kind: puskesmas, agency: dinkes } ]\n" +
            "  employees: [ { id: nurse, unit: pkm, employment: pns } ]\ncases:\n  - { name: nurse, employee: nurse, on: 2021-07-05, expect: { mode: home } }\n");
        var json = rules.Path("report.json");
        Run("test", tests, "--mutations", "--json", json).Code.Should().Be(0);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var dropped = doc.RootElement.GetProperty("ruleSets")[0].GetProperty("mutants").EnumerateArray().Single(m => m.GetProperty("kind").GetString() == "drop-overrides");
        // Without the edge the first provision in file order still decides, so the case passes; check reports the conflict.
        (dropped.GetProperty("outcome").GetString(), dropped.GetProperty("noticedBy").GetString()).Should().Be(("noticed", "check"));
    }

    [Fact]
    public void The_samples_reach_both_branches_of_palopos_end_condition_and_every_set_of_windows()
    {
        var json = Path.Combine(Folder, "samples.json");
        var (code, output, _) = Run("test", Repo.Path("samples", "circulars"), "--json", json);
        code.Should().Be(0);
        output.Should().MatchRegex(@"until\s+2 of 2\s+reached 2").And.MatchRegex(@"windows\s+2 of 2\s+reached 2");
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var until = doc.RootElement.GetProperty("ruleSets")[0].GetProperty("coverage").EnumerateArray().Where(i => i.GetProperty("kind").GetString() == "until").ToList();
        until.Select(i => i.GetProperty("name").GetString()).Should().BeEquivalentTo("in force, the end condition not yet held", "ended by the end condition");
        until.Should().OnlyContain(i => i.GetProperty("circular").GetString() == "palopo-2021-wfh" && i.GetProperty("state").GetString() == "reached");
    }

    [Theory]
    [InlineData("in-turns")]
    [InlineData("in-groups")]
    public void A_duty_of_the_days_at_home_pending_on_rotation_days_is_reached_by_the_cases_that_list_it(string reading)
    {
        // Point 5's location reports hold on the days at home: pending on a rotation day until a roster gives the place,
        // yet listed in the decision, with its windows — reached, not "not reached".
        var (code, output, _) = Run("test", Repo.Path("samples", "circulars", "readings", reading), "--coverage");
        code.Should().Be(0);
        output.Should().Contain(": 9 of 9 items reached (100.0 %)");
        output.Should().MatchRegex(@"windows\s+1 of 1\s+reached 1");
        output.Should().NotContain("not reached");
    }
}
