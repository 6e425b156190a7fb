using FluentAssertions;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary><c>check --analyze</c>: gaps by date and region, provisions that never decide, shares small pools cannot meet.</summary>
public sealed class AnalyzerTests
{
    [Fact]
    public void A_provision_always_overridden_and_a_share_that_rounds_to_nobody_are_reported()
    {
        using var rules = new TempRules("from 2021-07-01 to 2021-07-30", """
              provision everyone-rotates {
                cite "1" "bergiliran"
                mode rotation
                pool pegawai per unit office 30% rounding down
              }

              provision health-office {
                cite "2" "fasilitas kesehatan"
                scope unit.kind in { puskesmas, rsud }
                overrides everyone-rotates, puskesmas-home
                mode office
              }

              provision puskesmas-home {
                cite "3" "puskesmas"
                scope unit.kind == puskesmas
                overrides everyone-rotates
                mode home
              }

            """);
        var (code, _, err) = Shell.Run("check", rules.Folder, "--analyze");
        code.Should().Be(0);
        err.Should().Contain("t.wp(21,3): warning WP0317: provision 'puskesmas-home' of circular 't-2021' never decides: wherever it applies while its circular is in force, a provision that overrides it, or an earlier one with the same effect, decides");
        err.Should().Contain("t.wp(11,5): warning WP0318: pool 'pegawai' of provision 'everyone-rotates': 30% rounded down gives no office place to a pool of fewer than 4");
        err.Should().NotContain("'health-office' of circular 't-2021' never decides").And.NotContain("WP0316");
    }

    [Fact]
    public void A_cap_that_leaves_small_pools_no_place_at_all_is_a_warning_too()
    {
        var (_, _, err) = Shell.Run("check", Repo.Path("samples", "circulars"), "--analyze");
        err.Should().Contain("balikpapan.wp(15,5): warning WP0318: pool 'aparatur' of provision 'half-attendance': at most 50% rounded down leaves a pool of fewer than 2 no office place at all");
    }

    [Fact]
    public void The_samples_analysed_name_who_is_left_undecided_on_which_date()
    {
        var (_, _, err) = Shell.Run("check", Repo.Path("samples", "circulars"), Repo.Path("samples", "circulars", "national"), "--analyze");
        err.Should().Contain("warning WP0316: no provision of circular 'paser-2020-wfh' decides on 2020-07-29 in kab-paser when employee.employment other than {pns, pppk, ptt}");
        // SE 15/2021 leaves essential units at level 4 outside Java-Bali out (its ambiguity note says so); 4 is a class of its own.
        err.Should().Contain("warning WP0316: no provision of circular 'se-15-2021' decides on 2021-07-08 in kab-kutai-kartanegara when region.ppkm.level = 4, unit.sector = esensial");
        err.Should().NotContain("WP0317", "every provision of the samples decides for someone");
        // A school's heads and a dinas's pelaksana never meet: the exception between them is idle, and only that one.
        err.Should().Contain("bukittinggi.wp(68,3): warning WP0319: 'school-heads-office overrides pelaksana-optional' in circular 'bukittinggi-2021-wfh' never takes effect");
        // Attendance by shared location, with no time given: the check-in has no window, accepted with the text's reason.
        err.Should().Contain("bukittinggi.wp(105,5): warning WP0324: obligation 'check-in' states no window: attendance checks nothing for it (accepted: ");
        err.Split('\n').Count(l => l.Contains("WP0319")).Should().Be(2);

        // A closure counted from the day after still meets the provisions it overrides (an incident is tried at every age).
        Shell.Run("check", Repo.Path("samples", "circulars", "interpretations"), "--analyze").Err.Should().NotContain("WP0319");
    }

    [Theory]
    [InlineData("from 2021-07-01")]
    [InlineData("from 2021-07-01 to 2021-12-31")]
    [InlineData("from 2021-07-01 until region.ppkm.active == false")]
    public void A_gap_is_found_whatever_ends_the_circular_an_end_condition_included(string period)
    {
        // With an end condition the synthetic facts leave open, the circular may be in force; deciding nobody, the answer
        // is "not covered" either way — the gap must still be named, not dropped in silence.
        using var rules = new TempRules(period, """
              provision only-pns {
                cite "1" "PNS"
                scope employee.employment == pns
                mode home
              }

            """);
        var (code, _, err) = Shell.Run("check", rules.Folder, "--analyze");
        code.Should().Be(0);
        err.Should().Contain("warning WP0316: no provision of circular 't-2021' decides on 2021-07-01 in kab-luwu-utara when employee.employment other than {pns}");
    }
}
