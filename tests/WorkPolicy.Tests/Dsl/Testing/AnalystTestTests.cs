using FluentAssertions;
using Xunit;

namespace WorkPolicy.Tests;

public sealed class AnalystTestTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("wp-tests-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    /// <summary>A test file over the sample circulars with one unit and one employee (their YAML fields) and the cases given.</summary>
    private string TestFile(string name, string unit, string employee, string cases)
    {
        var file = Path.Combine(_temp, name + ".tests.yaml");
        File.WriteAllText(file, $"rules: [{Repo.Path("samples", "circulars")}]\nfacts:\n  units: [ {{ {unit} }} ]\n  employees: [ {{ {employee} }} ]\ncases:\n{cases}\n");
        return file;
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => Shell.Run(args);

    [Fact]
    public void Every_sample_circular_has_at_least_eight_passing_cases_on_both_encodings()
    {
        var (code, output, err) = Run("test", Repo.Path("samples", "circulars"));
        err.Should().BeEmpty();
        code.Should().Be(0);
        output.Should().NotContain("FAIL");
        foreach (var name in new[] { "kutai-kartanegara", "paser", "bukittinggi", "palopo", "luwu-utara", "balikpapan" })
        {
            var section = output.Split(Repo.Path("samples", "circulars", "tests", name + ".tests.yaml"))[1].Split(".tests.yaml")[0];
            section.Split('\n').Count(l => l.StartsWith("  ok ") && l.EndsWith("[..]")).Should().BeGreaterThanOrEqualTo(8, name);
            section.Split('\n').Count(l => l.StartsWith("  ok ") && l.EndsWith("[../yaml]")).Should().BeGreaterThanOrEqualTo(8, name);
        }
        output.TrimEnd().Should().EndWith(" passed, 0 failed");
    }

    [Fact]
    public void The_national_series_passes_its_cases_on_both_encodings()
    {
        var (code, output, err) = Run("test", Repo.Path("samples", "circulars", "national"));
        err.Should().BeEmpty();
        code.Should().Be(0);
        output.Split('\n').Count(l => l.StartsWith("  ok ") && l.EndsWith("[..]")).Should().BeGreaterThanOrEqualTo(20);
        output.Split('\n').Count(l => l.StartsWith("  ok ") && l.EndsWith("[../yaml]")).Should().BeGreaterThanOrEqualTo(20);
        output.TrimEnd().Should().EndWith(" passed, 0 failed");
    }

    [Fact]
    public void A_failing_expectation_is_reported_with_its_line_and_the_difference()
    {
        var file = TestFile("x", "id: u, region: kab-luwu-utara, kind: puskesmas, agency: dinkes", "id: e, unit: u, employment: pns", $"""
              - name: right
                employee: e
                on: 2021-07-30
                expect: {"{"} mode: office {"}"}
              - name: wrong
                employee: e
                on: 2021-07-30
                expect: {"{"} mode: home, obligations: [check-in] {"}"}
            """);
        var (code, output, _) = Run("test", file);
        code.Should().Be(1);
        output.Should().Contain("  ok    right");
        output.Should().Contain("  FAIL  wrong");
        output.Should().Contain($"{file}(10,5): e on 2021-07-30: expected mode home, got office");
        output.Should().Contain("expected obligations [check-in], got []");
        output.TrimEnd().Should().EndWith("1 passed, 1 failed");
    }

    [Fact]
    public void The_reason_of_a_not_covered_decision_can_be_expected()
    {
        var file = TestFile("r", "id: u, region: kab-luwu-utara, kind: dinas, agency: dinsos", "id: e, unit: u, employment: pns, position: pelaksana", $"""
              - name: after the circular
                employee: e
                on: 2021-08-06
                expect: {"{"} mode: not-covered, reason: no-circular-in-force {"}"}
              - name: wrong reason
                employee: e
                on: 2021-08-06
                expect: {"{"} mode: not-covered, reason: no-provision-fits {"}"}
            """);
        var (code, output, _) = Run("test", file);
        code.Should().Be(1);
        output.Should().Contain("  ok    after the circular");
        output.Should().Contain("expected reason no-provision-fits, got no-circular-in-force (not-covered)");
        output.TrimEnd().Should().EndWith("1 passed, 1 failed");
    }

    [Fact]
    public void A_test_file_with_bad_facts_reports_diagnostics_not_results()
    {
        var file = Path.Combine(_temp, "y.tests.yaml");
        File.WriteAllText(file, $"rules: [{Repo.Path("samples", "circulars")}]\nfacts:\n  units: [ {{ id: u, region: kota-palopo, kind: puskesmass }} ]\ncases: []\n");
        var (code, _, err) = Run("test", file);
        code.Should().Be(1);
        err.Should().Contain("did you mean 'puskesmas'");
    }

    [Fact]
    public void A_case_whose_expectation_cannot_be_checked_fails_and_the_summary_agrees_with_the_exit_code()
    {
        var file = TestFile("u", "id: u, region: kab-luwu-utara, kind: dinas, agency: dinsos", "id: e, unit: u, employment: pns, position: pelaksana, it_capable: true", $"""
              - name: checkable
                employee: e
                on: 2021-07-30
                expect: {"{"} mode: rotation, circulars: [luwu-utara-2021-wfh], provisions: [luwu-utara-2021-wfh/pelaksana-half], pool: {"{"} percent: 50, bound: exactly {"}"} {"}"}
              - name: unknown key
                employee: e
                on: 2021-07-30
                expect: {"{"} mode: rotation, pool: {"{"} share: 50 {"}"} {"}"}
              - name: wrong circular
                employee: e
                on: 2021-07-30
                expect: {"{"} provisions: [palopo-2021-wfh/pelaksana-half] {"}"}
            """);
        var (code, output, _) = Run("test", file);
        output.Should().Contain("  ok    checkable");
        output.Should().Contain("  FAIL  unknown key").And.Contain("the case cannot be checked: WP0204");
        output.Should().Contain("expected provision 'palopo-2021-wfh/pelaksana-half' to decide, got 'luwu-utara-2021-wfh/pelaksana-half'");
        output.TrimEnd().Should().EndWith("1 passed, 2 failed");
        code.Should().Be(1);
    }
}
