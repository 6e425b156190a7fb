using WorkPolicy.Analysis;
using FluentAssertions;
using NodaTime;
using WorkPolicy.Ast;
using WorkPolicy.Checking;
using WorkPolicy.Diagnostics;
using WorkPolicy.Evaluation;
using Xunit;

namespace WorkPolicy.Tests;

public class EvaluatorTests
{
    private static readonly LocalDate Fri = new(2021, 7, 30);
    private static readonly LocalDate Sat = new(2021, 7, 31);

    private const string Kukar = """
        circular kukar {
          number "B-1165"
          issuer "Bupati"
          region kab-kutai-kartanegara
          period from 2021-06-28
          provision wfh {
            cite "" "dari rumah"
            mode home
          }
          provision structural-healthy {
            cite "" "dalam kondisi sehat"
            scope structural and employee.health.healthy
            overrides wfh
            mode office
          }
          provision no-travel {
            cite "" "dilarang bepergian"
            during home
            obligation travel-restriction {
              outside kab-kutai-kartanegara
            }
          }
        }
        """;

    private const string KukarFacts = """
        units:
          - { id: setda, region: kab-kutai-kartanegara, kind: sekretariat-daerah, agency: setda }
        employees:
          - { id: e-1, unit: setda, employment: pns, position: pelaksana }
          - { id: e-2, unit: setda, employment: pns, position: administrator, health: { healthy: true } }
          - { id: e-3, unit: setda, employment: pns, position: administrator, health: { healthy: false } }
          - { id: e-4, unit: setda, employment: pns, position: pengawas }
        """;

    [Fact]
    public void Default_applies_and_obligation_only_provision_adds_its_duty()
    {
        var d = Engine.Create(KukarFacts, Kukar).Decide("e-1", Fri);
        d.Mode.Should().Be(WorkMode.Home);
        d.Provisions.Select(p => p.Id).Should().Equal("wfh", "no-travel");
        d.Obligations.Should().ContainSingle().Which.Kind.Should().Be("travel-restriction");
        d.Circulars.Should().Equal("kukar");
    }

    [Fact]
    public void Stated_exception_overrides_the_default()
    {
        var explained = Engine.Create(KukarFacts, Kukar).Explain("e-2", Fri);
        var (d, trace) = (explained.Decision, explained.Trace);
        d.Mode.Should().Be(WorkMode.Office);
        d.Provisions.Select(p => p.Id).Should().Equal("structural-healthy");
        d.Obligations.Should().BeEmpty("the travel restriction holds only while working from home");
        trace.Should().Contain(t => t.Provision == "wfh" && t.Outcome == "overridden");
    }

    [Fact]
    public void Exception_that_does_not_hold_leaves_the_default()
    {
        Engine.Create(KukarFacts, Kukar).Decide("e-3", Fri).Mode.Should().Be(WorkMode.Home);
    }

    [Fact]
    public void Unknown_fact_that_matters_gives_indeterminate_with_its_path()
    {
        var d = Engine.Create(KukarFacts, Kukar).Decide("e-4", Fri);
        d.Mode.Should().Be(WorkMode.Indeterminate);
        d.Unknown.Should().Equal("employees[e-4].health.healthy");
        d.Provisions.Should().BeEmpty();
    }

    [Fact]
    public void Unknown_fact_that_cannot_change_the_answer_is_not_needed()
    {
        // e-105 works at RSUD Andi Djemma (exempt, office); whether it can use IT would only
        // lead to office again, so its absence does not matter.
        var d = Engine.Samples().Decide("e-105", Fri);
        d.Mode.Should().Be(WorkMode.Office);
        d.Unknown.Should().BeEmpty();
    }

    [Fact]
    public void Kleene_or_is_true_when_one_side_is_known_true()
    {
        // e-003's unit is a puskesmas: the exemption holds whatever else is unknown.
        Engine.Samples().Decide("e-003", Fri).Mode.Should().Be(WorkMode.Office);
    }

    [Fact]
    public void Open_ended_period_stays_in_force_years_later()
    {
        Engine.Create(KukarFacts, Kukar).Decide("e-1", new LocalDate(2024, 1, 3)).Mode.Should().Be(WorkMode.Home);
    }

    [Fact]
    public void Before_its_period_or_in_another_region_nothing_covers()
    {
        var e = Engine.Create(KukarFacts, Kukar);
        e.Decide("e-1", new LocalDate(2021, 6, 25)).Mode.Should().Be(WorkMode.NotCovered);
        Engine.Samples().Decide("e-101", new LocalDate(2021, 8, 6)).Mode.Should().Be(WorkMode.NotCovered, "Luwu Utara's first phase ends 2021-08-05 inclusive");
        Engine.Samples().Decide("e-101", new LocalDate(2021, 8, 5)).Mode.Should().Be(WorkMode.Rotation);
    }

    [Fact]
    public void Weekends_and_holidays_are_days_off_while_in_force()
    {
        var e = Engine.Samples();
        e.Decide("e-001", Sat).Mode.Should().Be(WorkMode.DayOff);
        var holiday = e.Decide("e-001", new LocalDate(2021, 8, 11));
        holiday.Mode.Should().Be(WorkMode.DayOff);
        holiday.Circulars.Should().Equal("palopo-2021-wfh");
    }

    [Fact]
    public void Conditional_end_holds_until_the_status_changes()
    {
        var e = Engine.Samples();
        e.Decide("e-001", new LocalDate(2022, 12, 29)).Mode.Should().Be(WorkMode.Rotation);
        e.Decide("e-001", new LocalDate(2022, 12, 30)).Mode.Should().Be(WorkMode.NotCovered, "PPKM ended on 2022-12-30");
    }

    private const string Palopo = """
        circular plp {
          number "800/1090"
          issuer "Wali Kota"
          region kota-palopo
          period from 2021-07-29 until region.ppkm.active == false
          provision all {
            cite "1" "25%"
            mode rotation
            pool pegawai per top-unit office 25% rounding down
          }
        }
        """;

    [Fact]
    public void Conditional_end_over_unknown_status_is_indeterminate()
    {
        const string facts = """
            units:
              - { id: u, region: kota-palopo, kind: dinas, agency: disdik }
            employees:
              - { id: e, unit: u, employment: pns }
            """;
        var d = Engine.Create(facts, Palopo).Decide("e", Fri);
        d.Mode.Should().Be(WorkMode.Indeterminate);
        d.Unknown.Should().Equal("regions.kota-palopo.ppkm");
    }

    [Fact]
    public void Status_ended_once_stays_ended_even_if_reinstated()
    {
        const string facts = """
            regions:
              kota-palopo:
                ppkm:
                  - { from: 2021-07-01, level: 4 }
                  - { from: 2021-08-02, active: false }
                  - { from: 2021-08-09, level: 3 }
            units:
              - { id: u, region: kota-palopo, kind: dinas, agency: disdik, parent: null }
              - { id: sub, region: kota-palopo, kind: uptd, agency: disdik, parent: u }
            employees:
              - { id: e, unit: sub, employment: pns }
            """;
        var e = Engine.Create(facts, Palopo);
        var before = e.Decide("e", Fri);
        before.Mode.Should().Be(WorkMode.Rotation);
        before.Pool.Should().Be(new PoolAssignment("pegawai", "u", QuotaPlace.Office, 25, Rounding.Down, false), "quotas count per top unit");
        e.Decide("e", new LocalDate(2021, 8, 10)).Mode.Should().Be(WorkMode.NotCovered);
    }

    [Fact]
    public void Check_in_windows_follow_the_weekday_and_zone()
    {
        var e = Engine.Samples();
        var friday = e.Decide("e-001", Fri).Obligations.Single(o => o.Kind == "check-in");
        friday.Zone.Should().Be("Asia/Makassar");
        friday.Windows!.Value.Select(w => (w.From.ToString("HH:mm", null), w.To.ToString("HH:mm", null)))
            .Should().Equal(("07:00", "07:30"), ("11:30", "12:30"), ("13:00", "14:00"), ("16:00", "18:00"));
        var monday = e.Decide("e-001", new LocalDate(2021, 8, 2)).Obligations.Single(o => o.Kind == "check-in");
        monday.Windows!.Value[3].To.Should().Be(new LocalTime(17, 30));
    }

    [Fact]
    public void Fixed_times_are_zero_length_windows_widened_by_a_stated_tolerance()
    {
        var lutra = Engine.Samples().Decide("e-101", Fri).Obligations.Single(o => o.Kind == "check-in");
        lutra.Windows!.Value.Should().OnlyContain(w => w.From == w.To);
        const string rules = """
            circular t {
              number "1"
              issuer "x"
              region kab-luwu-utara
              period from 2021-07-01
              provision p {
                cite "" "q"
                mode home
                obligation check-in {
                  windows mon-fri 08:00
                  tolerance 15m
                }
              }
            }
            """;
        const string facts = """
            units: [ { id: u, region: kab-luwu-utara, kind: dinas, agency: dinsos } ]
            employees: [ { id: e, unit: u } ]
            """;
        var w = Engine.Create(facts, rules).Decide("e", Fri).Obligations.Single().Windows!.Value.Single();
        (w.From, w.To).Should().Be((new LocalTime(7, 45), new LocalTime(8, 15)));
    }

    [Fact]
    public void Incident_closes_the_unit_for_the_stated_days()
    {
        const string rules = """
            circular bpp {
              number "800/0437/Org"
              issuer "Wali Kota"
              region kota-balikpapan
              period from 2020-08-01
              provision half {
                cite "" "maksimal 50 persen"
                mode rotation
                pool pegawai per unit office 50% rounding down
              }
              provision closure {
                cite "" "ditutup selama tiga hari"
                scope incident positive-case for 3 days from confirmed
                overrides half
                mode home
              }
            }
            """;
        const string facts = """
            units: [ { id: u, region: kota-balikpapan, kind: dinas, agency: dinsos } ]
            incidents: [ { kind: positive-case, unit: u, confirmed: 2020-08-10 } ]
            employees: [ { id: e, unit: u } ]
            """;
        var e = Engine.Create(facts, rules);
        e.Decide("e", new LocalDate(2020, 8, 7)).Mode.Should().Be(WorkMode.Rotation);
        e.Decide("e", new LocalDate(2020, 8, 10)).Mode.Should().Be(WorkMode.Home);
        e.Decide("e", new LocalDate(2020, 8, 12)).Mode.Should().Be(WorkMode.Home);
        e.Decide("e", new LocalDate(2020, 8, 13)).Mode.Should().Be(WorkMode.Rotation);
        Engine.Create(facts.Replace("incidents: [ { kind: positive-case, unit: u, confirmed: 2020-08-10 } ]\n", ""), rules)
            .Decide("e", new LocalDate(2020, 8, 10)).Unknown.Should().Equal("incidents");
    }

    [Fact]
    public void Conflicting_provisions_without_priority_are_reported_with_a_witness()
    {
        var set = Engine.Link(Kukar.Replace("    overrides wfh\n", ""));
        var d = ConflictChecker.Check(CompiledRules.Compile(set.Model!)).Should().ContainSingle().Subject;
        d.Code.Should().Be(DiagnosticCatalog.Conflict.Code);
        d.Message.Should().Contain("'wfh' (home) and 'structural-healthy' (office)").And.Contain("employee.health.healthy = true");
        ConflictChecker.Check(CompiledRules.Compile(Engine.Link(Kukar).Model!)).Should().BeEmpty();
    }

    [Fact]
    public void Disjoint_scopes_are_no_conflict()
    {
        var rules = Kukar.Replace("scope structural and employee.health.healthy\n    overrides wfh", "scope structural and employee.health.healthy").Replace("    mode home\n  }\n  provision structural", "    scope not structural\n    mode home\n  }\n  provision structural");
        ConflictChecker.Check(CompiledRules.Compile(Engine.Link(rules).Model!)).Should().BeEmpty();
    }
}
