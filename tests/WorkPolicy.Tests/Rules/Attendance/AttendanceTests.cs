using FluentAssertions;
using NodaTime;
using WorkPolicy.Attendance;
using WorkPolicy.Rostering;
using Xunit;

namespace WorkPolicy.Tests;


public class AttendanceTests
{
    private const string HomeWithPalopoWindows = """
        circular t {
          number "1"
          issuer "x"
          region kota-palopo
          period from 2021-07-01
          provision p {
            cite "5" "share location"
            mode home
            obligation check-in {
              windows mon-thu 07:00-07:30, 12:00-12:30, 13:00-13:30, 16:00-17:30
              windows fri 07:00-07:30, 11:30-12:30, 13:00-14:00, 16:00-18:00
            }
          }
        }
        """;

    private static AttendanceResult Report(string rules, string checkins, LocalDate from, LocalDate to, string region = "kota-palopo")
    {
        var facts = $"""
            units: [ {"{"} id: u, region: {region}, kind: dinas, agency: dinsos {"}"} ]
            employees: [ {"{"} id: e, unit: u, employment: pns, position: pelaksana, it_capable: true {"}"} ]
            checkins:
            {checkins}
            """;
        var engine = Engine.Create(facts, rules);
        var dates = new DateInterval(from, to);
        var roster = RosterPlanner.Plan(engine.Evaluator, engine.Facts.Employees, dates);
        return AttendanceChecker.Check(engine.Evaluator, engine.Facts.Employees, dates, roster);
    }

    [Fact]
    public void Utc_timestamps_crossing_midnight_count_for_the_next_morning_in_wita_and_friday_windows_apply()
    {
        var report = Report(HomeWithPalopoWindows, """
              - { employee: e, at: 2021-07-29T23:05:00Z }
              - { employee: e, at: 2021-07-30T03:45:00Z }
              - { employee: e, at: 2021-07-30T16:10:00+08:00 }
            """, new LocalDate(2021, 7, 30), new LocalDate(2021, 7, 30));
        var day = report.Days.Should().ContainSingle().Subject;
        day.Zone.Should().Be("Asia/Makassar");
        day.Windows.Select(w => (w.Met, w.At?.ToString("HH:mm", null))).Should().Equal((true, "07:05"), (true, "11:45"), (false, null), (true, "16:10"));
        report.Units.Should().Equal(new UnitAttendance("u", 4, 3));
    }

    [Fact]
    public void The_same_local_time_misses_on_a_thursday_whose_windows_differ()
    {
        var report = Report(HomeWithPalopoWindows, """
              - { employee: e, at: 2021-07-29T03:45:00Z }
              - { employee: e, at: 2021-07-29T04:10:00Z }
            """, new LocalDate(2021, 7, 29), new LocalDate(2021, 7, 29));
        report.Days.Single().Windows.Select(w => w.Met).Should().Equal(false, true, false, false);
    }

    [Fact]
    public void A_check_in_late_in_the_utc_day_before_is_not_counted_for_that_day()
    {
        var report = Report(HomeWithPalopoWindows, "  - { employee: e, at: 2021-07-28T23:10:00Z }\n", new LocalDate(2021, 7, 28), new LocalDate(2021, 7, 29));
        report.Days.Should().HaveCount(2);
        report.Days[0].Windows.Should().OnlyContain(w => !w.Met, "07:10 WITA is already the 29th");
        report.Days[1].Windows[0].Met.Should().BeTrue();
    }

    [Fact]
    public void Fixed_times_are_met_within_their_minute_unless_a_tolerance_widens_them()
    {
        var lutra = File.ReadAllText(Repo.Path("samples", "circulars", "luwu-utara.wp"));
        const string checkins = """
              - { employee: e, at: 2021-07-30T08:00:40+08:00 }
              - { employee: e, at: 2021-07-30T11:05:00+08:00 }
            """;
        var strict = Report(lutra.Replace("pool pelaksana per top-unit home 50%", "pool pelaksana per top-unit home 100%"), checkins, new LocalDate(2021, 7, 30), new LocalDate(2021, 7, 30), "kab-luwu-utara");
        strict.Days.Single().Windows.Select(w => w.Met).Should().Equal(true, false, false, false);
        var tolerant = lutra.Replace("pool pelaksana per top-unit home 50%", "pool pelaksana per top-unit home 100%").Replace("      windows mon-fri 08:00, 11:00, 14:00, 16:00", "      windows mon-fri 08:00, 11:00, 14:00, 16:00\n      tolerance 10m");
        Report(tolerant, checkins, new LocalDate(2021, 7, 30), new LocalDate(2021, 7, 30), "kab-luwu-utara").Days.Single().Windows.Select(w => w.Met).Should().Equal(true, true, false, false);
    }

    [Fact]
    public void Office_days_of_a_rotation_need_no_check_in()
    {
        var lutra = File.ReadAllText(Repo.Path("samples", "circulars", "luwu-utara.wp")).Replace("home 50%", "home 0%");
        Report(lutra, "  - { employee: e, at: 2021-07-30T08:00:00+08:00 }\n", new LocalDate(2021, 7, 28), new LocalDate(2021, 8, 5), "kab-luwu-utara")
            .Days.Should().BeEmpty();
    }
}
