using FluentAssertions;
using NodaTime;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>
/// The resolution between several circulars in force, as docs/semantics.md states it: the newest
/// circular that decides gives the mode, one where nothing fits passes to the next older, and an
/// unknown fact matters only where it could change the answer.
/// </summary>
public class SemanticsTests
{
    private static readonly LocalDate March1 = new(2021, 3, 1);

    private static string Circular(string id, string from, string provisions, string until = "") => $$"""
        circular {{id}} {
          number "{{id}}"
          issuer "Wali Kota"
          region kota-palopo
          period from {{from}}{{until}}
        {{provisions}}
        }
        """;

    private const string UnhealthyHome = """
          provision sick-home {
            cite "1" "yang sakit bekerja dari rumah"
            scope employee.health.healthy == false
            mode home
          }
          provision others-office {
            cite "2" "lainnya di kantor"
            scope employee.health.healthy == true
            mode office
          }
        """;

    private const string EveryoneOffice = """
          provision all-office {
            cite "1" "seluruh pegawai di kantor"
            mode office
          }
        """;

    private const string Facts = """
        regions:
          kota-palopo:
            ppkm: [ { from: 2021-01-01, level: 4 } ]
        units: [ { id: u, region: kota-palopo, kind: dinas, agency: disdik } ]
        employees:
          - { id: unknown-health, unit: u, employment: pns, position: pelaksana }
          - { id: sick, unit: u, employment: pns, position: pelaksana, roles: [], health: { healthy: false } }
          - { id: guru, unit: u, employment: pns, position: pelaksana, roles: [guru] }
          - { id: well, unit: u, employment: pns, position: pelaksana, health: { healthy: true } }
        """;

    [Fact]
    public void An_obligation_alone_never_makes_a_decision_indeterminate_it_is_pending()
    {
        const string SickReport = """
              provision sick-report {
                cite "3" "yang sakit melapor"
                scope employee.health.healthy == false
                during office
                obligation report {
                  to atasan-langsung
                }
              }
            """;
        var engine = Engine.Create(Facts, Circular("c", "2021-01-04", EveryoneOffice + SickReport));
        // Health unknown: the office stands, the report is pending on the health.
        var unknown = engine.Decide("unknown-health", March1);
        unknown.Mode.Should().Be(WorkMode.Office);
        unknown.Obligations.Should().ContainSingle().Which.Should().Match<ObligationResult>(o => o.Kind == "report" && o.Pending);
        unknown.Unknown.Should().Equal("employees[unknown-health].health.healthy");
        unknown.Provisions.Select(p => p.Id).Should().Equal("all-office", "sick-report");
        // Health known: due or not, nothing pending.
        engine.Decide("sick", March1).Obligations.Should().ContainSingle().Which.Pending.Should().BeFalse();
        engine.Decide("sick", March1).Unknown.Should().BeEmpty();
        engine.Decide("well", March1).Obligations.Should().BeEmpty();
        engine.Decide("well", March1).Unknown.Should().BeEmpty();
        engine.MemoAgrees(March1);
        engine.Explain("unknown-health", March1).Trace.Should().Contain(t => t.Provision == "sick-report" && t.Outcome == "pending");
    }

    [Fact]
    public void An_unknown_fact_in_an_older_circular_does_not_block_the_newer_one_that_decides()
    {
        var engine = Engine.Create(Facts, Circular("old", "2021-01-04", UnhealthyHome), Circular("new", "2021-02-01", EveryoneOffice));
        var explained = engine.Explain("unknown-health", March1);
        explained.Decision.Mode.Should().Be(WorkMode.Office);
        explained.Decision.Provisions.Select(p => (p.Circular, p.Id)).Should().Equal(("new", "all-office"));
        explained.Decision.Circulars.Should().Equal("old", "new");
        explained.Trace.Should().Contain(t => t.Circular == "new" && t.Outcome == "decides");
        explained.Trace.Should().Contain(t => t.Circular == "old" && t.Outcome == "not asked" && t.Reason.Contains("'new'"));
        engine.Decide("unknown-health", March1).Should().BeEquivalentTo(explained.Decision);
    }

    [Fact]
    public void Before_the_newer_circular_the_unknown_of_the_older_one_matters()
    {
        var engine = Engine.Create(Facts, Circular("old", "2021-01-04", UnhealthyHome), Circular("new", "2021-02-01", EveryoneOffice));
        engine.Decide("sick", new LocalDate(2020, 12, 31)).Reason.Should().Be(NotCoveredReason.NoCircularInForce);
        engine.Decide("sick", new LocalDate(2021, 1, 25)).Reason.Should().BeNull("decided decisions have no reason");
        var d = engine.Decide("unknown-health", new LocalDate(2021, 1, 25));
        d.Mode.Should().Be(WorkMode.Indeterminate);
        d.Unknown.Should().Equal("employees[unknown-health].health.healthy");
        engine.Decide("sick", new LocalDate(2021, 1, 25)).Mode.Should().Be(WorkMode.Home);
    }

    [Fact]
    public void A_newer_circular_with_no_provision_that_fits_passes_to_the_older_one()
    {
        const string GuruHome = """
              provision guru-home {
                cite "1" "guru mengajar dari rumah"
                scope employee.roles has guru
                mode home
              }
            """;
        var engine = Engine.Create(Facts, Circular("old", "2021-01-04", EveryoneOffice), Circular("new", "2021-02-01", GuruHome));
        engine.Decide("guru", March1).Provisions[0].Should().Be(new ProvisionRef("guru-home", "new", "point 1: \"guru mengajar dari rumah\""));
        var fallback = engine.Explain("sick", March1);
        fallback.Decision.Mode.Should().Be(WorkMode.Office);
        fallback.Decision.Provisions[0].Circular.Should().Be("old");
        fallback.Trace.Should().Contain(t => t.Circular == "new" && t.Outcome == "no provision fits");
    }

    [Fact]
    public void A_newer_circular_whose_unknown_scope_could_decide_makes_the_decision_indeterminate()
    {
        var engine = Engine.Create(Facts, Circular("old", "2021-01-04", EveryoneOffice), Circular("new", "2021-02-01", UnhealthyHome));
        var d = engine.Decide("unknown-health", March1);
        d.Mode.Should().Be(WorkMode.Indeterminate);
        d.Unknown.Should().Equal("employees[unknown-health].health.healthy");
    }

    [Fact]
    public void A_newer_circular_whose_end_is_unknown_matters_only_where_it_would_decide()
    {
        const string GuruHome = """
              provision guru-home {
                cite "1" "guru mengajar dari rumah"
                scope employee.roles has guru
                mode home
              }
            """;
        // The status series says nothing after February: whether 'new' ended is unknown from then on.
        var facts = Facts.Replace("ppkm: [ { from: 2021-01-01, level: 4 } ]", "ppkm: [ { from: 2021-01-01, level: 4 }, { from: 2021-02-15 } ]");
        var engine = Engine.Create(facts.Replace("{ from: 2021-02-15 }", "{ from: 2021-02-15, active: true }"),
            Circular("old", "2021-01-04", EveryoneOffice), Circular("new", "2021-02-01", GuruHome, " until region.ppkm.level < 3"));
        engine.Decide("guru", March1).Mode.Should().Be(WorkMode.Indeterminate, "'new' would send the guru home if it is still in force");
        engine.Decide("guru", March1).Unknown.Should().Equal("regions.kota-palopo.ppkm");
        engine.Decide("sick", March1).Mode.Should().Be(WorkMode.Office, "'new' decides nothing for a non-guru, in force or not");
    }

    [Fact]
    public void Obligations_of_every_circular_in_force_attach_to_the_mode_decided()
    {
        const string CheckIn = """
              provision check-in {
                cite "3" "melapor kehadiran"
                during office
                obligation check-in {
                  windows mon-fri 07:30
                }
              }
            """;
        var engine = Engine.Create(Facts, Circular("old", "2021-01-04", CheckIn + EveryoneOffice), Circular("new", "2021-02-01", EveryoneOffice));
        var d = engine.Decide("sick", March1);
        d.Provisions.Select(p => $"{p.Circular}/{p.Id}").Should().Equal("new/all-office", "old/check-in");
        d.Obligations.Should().ContainSingle().Which.Windows!.Value.Should().Equal(new TimeWindow(new LocalTime(7, 30), new LocalTime(7, 30)));
    }

    [Fact]
    public void Only_a_stated_tolerance_widens_check_in_windows()
    {
        string WithProperties(string properties) => Circular("c", "2021-01-04", $$"""
              provision home {
                cite "1" "dari rumah"
                mode home
                obligation check-in {
                  windows mon-fri 08:00, 16:00
            {{properties}}
                }
              }
            """);
        var reportDeadline = Engine.Create(Facts, WithProperties("      report-within 2h")).Decide("sick", March1);
        reportDeadline.Obligations.Single().Windows!.Value.Should().Equal(
            new TimeWindow(new LocalTime(8, 0), new LocalTime(8, 0)), new TimeWindow(new LocalTime(16, 0), new LocalTime(16, 0)));
        var tolerant = Engine.Create(Facts, WithProperties("      report-within 2h\n      tolerance 10m")).Decide("sick", March1);
        tolerant.Obligations.Single().Windows!.Value.Should().Equal(
            new TimeWindow(new LocalTime(7, 50), new LocalTime(8, 10)), new TimeWindow(new LocalTime(15, 50), new LocalTime(16, 10)));
        tolerant.Obligations.Single().Details.Should().Contain(KeyValuePair.Create("report-within", "2h"));
    }

    [Fact]
    public void On_a_day_off_an_unknown_end_does_not_matter_when_another_circular_is_in_force()
    {
        var facts = Facts.Replace("ppkm: [ { from: 2021-01-01, level: 4 } ]", "ppkm: [ { from: 2021-01-01, level: 4 }, { from: 2021-02-15, active: true } ]");
        var engine = Engine.Create(facts, Circular("old", "2021-01-04", EveryoneOffice), Circular("new", "2021-02-01", EveryoneOffice, " until region.ppkm.level < 3"));
        engine.Decide("sick", new LocalDate(2021, 3, 6)).Mode.Should().Be(WorkMode.DayOff);
        var alone = Engine.Create(facts, Circular("new", "2021-02-01", EveryoneOffice, " until region.ppkm.level < 3"));
        alone.Decide("sick", new LocalDate(2021, 3, 6)).Mode.Should().Be(WorkMode.Indeterminate, "day off if 'new' is in force, not covered if it ended");
    }
}
