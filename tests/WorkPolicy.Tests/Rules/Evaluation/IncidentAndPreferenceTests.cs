using FluentAssertions;
using NodaTime;
using WorkPolicy.Parsing;
using WorkPolicy.Printing;
using WorkPolicy.Rostering;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>Closures counted in working days, closures of a whole perangkat daerah, and preferred staff in rosters.</summary>
public class IncidentAndPreferenceTests
{
    private static string Closure(string incident) => $$"""
        circular c {
          number "1"
          issuer "Wali Kota"
          region kota-balikpapan
          period from 2021-09-01
          provision normal {
            cite "1" "normal"
            mode office
          }
          provision closed {
            cite "2" "ditutup"
            scope {{incident}}
            overrides normal
            mode home
          }
        }
        """;

    private const string Facts = """
        units:
          - { id: dinkes, region: kota-balikpapan, kind: dinas, agency: dinkes }
          - { id: pkm, region: kota-balikpapan, kind: puskesmas, agency: dinkes, parent: dinkes }
          - { id: disdik, region: kota-balikpapan, kind: dinas, agency: disdik }
        incidents:
          - { kind: positive-case, unit: pkm, confirmed: 2021-09-10 }
        employees:
          - { id: head-office, unit: dinkes, employment: pns }
          - { id: nurse, unit: pkm, employment: pns }
          - { id: teacher, unit: disdik, employment: pns }
        """;

    [Fact]
    public void A_closure_in_working_days_skips_the_weekend()
    {
        // Confirmed on Friday 10 September: three working days are Friday, Monday and Tuesday.
        var engine = Engine.Create(Facts, Closure("incident positive-case for 3 working days from confirmed"));
        engine.Decide("nurse", new LocalDate(2021, 9, 14)).Mode.Should().Be(WorkMode.Home);
        engine.Decide("nurse", new LocalDate(2021, 9, 15)).Mode.Should().Be(WorkMode.Office);
        var calendar = Engine.Create(Facts, Closure("incident positive-case for 3 days from confirmed"));
        calendar.Decide("nurse", new LocalDate(2021, 9, 13)).Mode.Should().Be(WorkMode.Office, "three calendar days end on Sunday");
        engine.Decide("nurse", new LocalDate(2021, 9, 13)).Mode.Should().Be(WorkMode.Home);
    }

    [Fact]
    public void A_closure_of_the_perangkat_daerah_reaches_every_unit_under_it()
    {
        var engine = Engine.Create(Facts, Closure("incident positive-case in top-unit for 5 working days from confirmed"));
        var monday = new LocalDate(2021, 9, 13);
        engine.Decide("head-office", monday).Mode.Should().Be(WorkMode.Home, "the case in the puskesmas closes its dinas");
        engine.Decide("nurse", monday).Mode.Should().Be(WorkMode.Home);
        engine.Decide("teacher", monday).Mode.Should().Be(WorkMode.Office, "another perangkat daerah");
        engine.Decide("head-office", new LocalDate(2021, 9, 17)).Mode.Should().Be(WorkMode.Office, "five working days end on Thursday the 16th");
        engine.MemoAgrees(monday);
    }

    [Fact]
    public void Incident_forms_print_and_parse_back()
    {
        const string Text = "incident positive-case in top-unit for 5 working days from day-after";
        var parsed = ExpressionText.Parse("x", Text, 1, 1, []);
        ExprPrinter.Print(parsed!).Should().Be(Text);
    }

    [Fact]
    public void Preferred_staff_fill_office_days_before_the_others()
    {
        const string Rotation = """
            circular c {
              number "1"
              issuer "Wali Kota"
              region kota-balikpapan
              period from 2021-09-01
              provision rotation {
                cite "1" "bergiliran, diutamakan yang sudah divaksin"
                mode rotation
                pool pegawai per unit office 25% rounding down prefer employee.vaccinated
              }
            }
            """;
        var facts = """
            units: [ { id: u, region: kota-balikpapan, kind: dinas, agency: disdik } ]
            employees:
              - { id: a, unit: u, employment: pns, vaccinated: false }
              - { id: b, unit: u, employment: pns, vaccinated: true }
              - { id: c, unit: u, employment: pns, vaccinated: false }
              - { id: d, unit: u, employment: pns }
              - { id: e, unit: u, employment: pns, vaccinated: false }
              - { id: f, unit: u, employment: pns, vaccinated: true }
              - { id: g, unit: u, employment: pns, vaccinated: false }
              - { id: h, unit: u, employment: pns, vaccinated: false }
            """;
        var engine = Engine.Create(facts, Rotation);
        var days = new DateInterval(new LocalDate(2021, 9, 6), new LocalDate(2021, 9, 10));
        var roster = RosterPlanner.Plan(engine.Evaluator, engine.Facts.Employees, days);
        var office = roster.Assignments.Where(x => x.Place == RosterPlace.Office).GroupBy(x => x.Date).ToDictionary(g => g.Key, g => g.Select(x => x.Employee).Order().ToList());
        office.Values.Should().OnlyContain(ids => ids.SequenceEqual(new[] { "b", "f" }), "two office places a day, and two vaccinated staff");
        DslPrinter.Print(DslParser.Parse("c.wp", Rotation).File).Should().Contain("pool pegawai per unit office 25% rounding down prefer employee.vaccinated");
    }
}
