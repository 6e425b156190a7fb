using FluentAssertions;
using NodaTime;
using WorkPolicy.Cli;
using WorkPolicy.Ast;
using WorkPolicy.Rostering;
using Xunit;

namespace WorkPolicy.Tests;

public sealed class RosterTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("wp-roster-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string PalopoFacts(int staff) => $$"""
        calendar: { holidays: [2021-08-11] }
        regions:
          kota-palopo:
            ppkm: [ { from: 2021-07-26, level: 4 } ]
        units:
          - { id: disdik, region: kota-palopo, kind: dinas, agency: disdik }
          - { id: sd-1, region: kota-palopo, kind: sekolah, agency: disdik, parent: disdik }
          - { id: pkm, region: kota-palopo, kind: puskesmas, agency: dinkes }
        employees:
        {{string.Concat(Enumerable.Range(1, staff).Select(i => $"  - {{ id: s{i:00}, unit: {(i % 3 == 0 ? "sd-1" : "disdik")}, employment: pns }}\n"))}}
          - { id: nurse, unit: pkm, employment: pns }
        """;

    private static Roster Plan(Engine engine, LocalDate from, LocalDate to) =>
        RosterPlanner.Plan(engine.Evaluator, engine.Facts.Employees, new DateInterval(from, to));

    private static Engine Samples(string facts) => Engine.Create(facts, File.ReadAllText(Repo.Path("samples", "circulars", "palopo.wp")));

    [Fact]
    public void Quota_holds_every_working_day_and_office_days_differ_by_at_most_one()
    {
        var engine = Samples(PalopoFacts(8));
        var roster = Plan(engine, new LocalDate(2021, 8, 2), new LocalDate(2021, 8, 13));
        roster.Pools.Should().HaveCount(9, "ten working days less the 11 August holiday");
        roster.Pools.Should().OnlyContain(p => p.Members == 8 && p.Quota == 2 && p.AtPlace == 2 && p.Unit == "disdik");
        var officeDays = roster.Assignments.Where(a => a.Employee.StartsWith('s')).GroupBy(a => a.Employee).Select(g => g.Count(a => a.Place == RosterPlace.Office)).ToList();
        officeDays.Sum().Should().Be(18);
        (officeDays.Max() - officeDays.Min()).Should().BeLessThanOrEqualTo(1);
        roster.Assignments.Where(a => a.Date == new LocalDate(2021, 8, 11)).Should().OnlyContain(a => a.Place == RosterPlace.Off);
        roster.Assignments.Where(a => a.Employee == "nurse" && a.Date.DayOfWeek < IsoDayOfWeek.Saturday && a.Date.Day != 11).Should().OnlyContain(a => a.Place == RosterPlace.Office);
    }

    [Fact]
    public void A_pool_of_one_takes_its_quarter_in_turns_one_office_day_in_four()
    {
        // Palopo reads its 25 % over the daily rotation ('rounding turns'): 2–13 August has eight working days
        // for the pool (the 11th is a holiday), so one office day in four: the 4th and the 8th.
        var roster = Plan(Samples(PalopoFacts(1)), new LocalDate(2021, 8, 2), new LocalDate(2021, 8, 12));
        roster.Pools.Select(p => p.Quota).Should().Equal(0, 0, 0, 1, 0, 0, 0, 1);
        roster.Assignments.Where(a => a.Employee == "s01" && a.Place == RosterPlace.Office).Select(a => a.Date)
            .Should().Equal(new LocalDate(2021, 8, 5), new LocalDate(2021, 8, 12));
    }

    [Theory]
    [InlineData(5, 25, new[] { 1, 1, 1, 2, 1, 1, 1, 2 })]
    [InlineData(2, 25, new[] { 0, 1, 0, 1 })]
    [InlineData(3, 50, new[] { 1, 2, 1, 2 })]
    [InlineData(4, 25, new[] { 1, 1, 1, 1 })]
    public void Turns_meet_the_share_over_the_rotation_as_closely_as_whole_persons_allow(int members, int percent, int[] expected)
    {
        var pool = new PoolDecl("g", PoolPer.Unit, QuotaPlace.Office, percent, Rounding.Turns, false, default);
        var quotas = Enumerable.Range(0, expected.Length).Select(turn => Quotas.OnTurn(members, percent, Rounding.Turns, turn)).ToArray();
        quotas.Should().Equal(expected);
        quotas.Sum().Should().Be((int)(expected.Length * members * percent / 100m), "over whole cycles the share is met exactly");
        pool.Quota(members).Should().Be(members * percent / 100, "the places every day holds");
    }

    [Fact]
    public void Turns_with_an_at_most_bound_are_refused_because_turn_days_would_pass_the_cap()
    {
        var text = File.ReadAllText(Repo.Path("samples", "circulars", "palopo.wp")).Replace("office 25% rounding turns", "office at-most 25% rounding turns");
        var linked = WorkPolicy.Checking.Linker.Link([
            WorkPolicy.Loading.RuleLoader.LoadFile(Repo.Path("samples", "circulars", "vocabulary.wp"), [])!,
            WorkPolicy.Parsing.DslParser.Parse("palopo.wp", text).File!]);
        linked.Model.Should().BeNull();
        linked.Diagnostics.Should().Contain(d => d.Code == "WP0110" && d.Message.Contains("with 'at-most' its turn days would pass the cap"));
    }

    [Theory]
    [InlineData(3, 25, Rounding.Down, 0)]
    [InlineData(3, 25, Rounding.Up, 1)]
    [InlineData(3, 25, Rounding.Nearest, 1)]
    [InlineData(3, 50, Rounding.Down, 1)]
    [InlineData(3, 50, Rounding.Nearest, 2)]
    [InlineData(4, 24, Rounding.Up, 1)]
    [InlineData(0, 50, Rounding.Up, 0)]
    [InlineData(10, 100, Rounding.Down, 10)]
    public void Rounding_rule_of_the_rule_file_decides_the_quota(int members, int percent, Rounding rounding, int expected) =>
        new PoolDecl("g", PoolPer.Unit, QuotaPlace.Office, percent, rounding, false, default).Quota(members).Should().Be(expected);

    [Fact]
    public void A_closure_mid_period_sends_the_whole_unit_home_for_three_days()
    {
        const string facts = """
            units: [ { id: u, region: kota-balikpapan, kind: dinas, agency: dinsos, services: [] } ]
            incidents: [ { kind: positive-case, unit: u, confirmed: 2020-08-12 } ]
            employees:
              - { id: a, unit: u, roles: [] }
              - { id: b, unit: u, roles: [] }
              - { id: c, unit: u, roles: [] }
              - { id: d, unit: u, roles: [] }
              - { id: e, unit: u, roles: [] }
            """;
        var engine = Engine.Create(facts, File.ReadAllText(Repo.Path("samples", "circulars", "balikpapan.wp")));
        var roster = Plan(engine, new LocalDate(2020, 8, 10), new LocalDate(2020, 8, 17));
        foreach (var day in new[] { 12, 13, 14 })
            roster.Assignments.Where(a => a.Date.Day == day).Should().OnlyContain(a => a.Place == RosterPlace.Home);
        roster.Pools.Select(p => p.Date.Day).Should().Equal(10, 11, 17);
        roster.Pools.Should().OnlyContain(p => p.AtMost && p.Quota == 2 && p.AtPlace == 2, "at most half of five, rounded down");
    }

    [Fact]
    public void A_pool_with_a_home_quota_keeps_its_share_at_home()
    {
        const string facts = """
            units: [ { id: u, region: kab-luwu-utara, kind: dinas, agency: dinsos } ]
            employees:
              - { id: a, unit: u, employment: pns, position: pelaksana, it_capable: true }
              - { id: b, unit: u, employment: pns, position: pelaksana, it_capable: true }
              - { id: c, unit: u, employment: pns, position: pelaksana, it_capable: true }
            """;
        var engine = Engine.Create(facts, File.ReadAllText(Repo.Path("samples", "circulars", "luwu-utara.wp")));
        var roster = Plan(engine, new LocalDate(2021, 7, 28), new LocalDate(2021, 8, 5));
        roster.Pools.Should().OnlyContain(p => p.Place == QuotaPlace.Home && p.Quota == 1 && p.AtPlace == 1);
        roster.Assignments.Where(a => a.Place == RosterPlace.Home).GroupBy(a => a.Employee).Select(g => g.Count()).Should().OnlyContain(n => n == 2 || n == 3);
    }

    [Fact]
    public void Planning_is_deterministic()
    {
        var engine = Samples(PalopoFacts(7));
        var a = Plan(engine, new LocalDate(2021, 8, 2), new LocalDate(2021, 8, 31));
        var b = Plan(Samples(PalopoFacts(7)), new LocalDate(2021, 8, 2), new LocalDate(2021, 8, 31));
        a.Assignments.Should().Equal(b.Assignments);
    }

    private (int Code, string Out) Run(params string[] args)
    {
        var stdout = new StringWriter();
        return (WorkPolicyCommand.Run(args, stdout, new StringWriter()), stdout.ToString());
    }

    [Fact]
    public void Check_accepts_the_planned_roster_and_lists_every_violation_of_an_edited_one()
    {
        var facts = Path.Combine(_temp, "plp.facts.yaml");
        File.WriteAllText(facts, PalopoFacts(4));
        var rules = Repo.Path("samples", "circulars", "palopo.wp");
        var planned = Run("roster", rules, "--facts", facts, "--from", "2021-08-02", "--to", "2021-08-04", "--format", "json");
        planned.Code.Should().Be(0);
        var json = Path.Combine(_temp, "roster.json");
        File.WriteAllText(json, planned.Out);
        var ok = Run("roster", rules, "--facts", facts, "--from", "2021-08-02", "--to", "2021-08-04", "--check", json);
        ok.Out.TrimEnd().Should().EndWith("0 violation(s)");
        ok.Code.Should().Be(0);

        var csv = Path.Combine(_temp, "roster.csv");
        File.WriteAllText(csv, """
            employee,date,place
            s01,2021-08-02,office
            s02,2021-08-02,office
            s03,2021-08-02,home
            s04,2021-08-02,home
            nurse,2021-08-02,home
            """);
        var (code, output) = Run("roster", rules, "--facts", facts, "--from", "2021-08-02", "--to", "2021-08-02", "--check", csv);
        code.Should().Be(1);
        output.Should().Contain("2021-08-02 nurse: placed at home, but the rules say office (palopo-2021-wfh/p2-critical-service)");
        output.Should().Contain("2021-08-02 pegawai@disdik: 2 of 4 at the office; the quota is 1 (25% taken in turns, turn 1)");
        output.TrimEnd().Should().EndWith("2 violation(s)");
    }

    [Fact]
    public void Check_takes_the_pool_size_from_the_facts_whatever_rows_the_roster_holds()
    {
        var facts = Path.Combine(_temp, "plp.facts.yaml");
        File.WriteAllText(facts, PalopoFacts(8));
        var csv = Path.Combine(_temp, "partial.csv");
        // Three of an eight-person pool listed, all at the office: the quota is 25 % of 8 = 2, not 25 % of 3.
        File.WriteAllText(csv, "employee,date,place\ns01,2021-08-02,office\ns02,2021-08-02,office\ns04,2021-08-02,office\nnurse,2021-08-02,office\n");
        var (code, output) = Run("roster", Repo.Path("samples", "circulars", "palopo.wp"), "--facts", facts, "--from", "2021-08-02", "--to", "2021-08-02", "--check", csv);
        code.Should().Be(1);
        output.Should().Contain("pegawai@disdik: 3 of 8 at the office; the quota is 2 (25% taken in turns, turn 1)");
        output.Should().Contain("2021-08-02 s05 pegawai@disdik: no place given for a rotation day");
    }

    [Fact]
    public void A_malformed_roster_is_reported_with_its_line()
    {
        var csv = Path.Combine(_temp, "bad.csv");
        File.WriteAllText(csv, "employee,date,place\ns01,2021-08-32,office\ns02,2021-08-02,garden\n");
        var facts = Path.Combine(_temp, "plp.facts.yaml");
        File.WriteAllText(facts, PalopoFacts(2));
        var stderr = new StringWriter();
        var code = WorkPolicyCommand.Run(["roster", Repo.Path("samples", "circulars", "palopo.wp"), "--facts", facts, "--from", "2021-08-02", "--to", "2021-08-02", "--check", csv], new StringWriter(), stderr);
        code.Should().Be(1);
        stderr.ToString().Should().Contain($"{csv}(2,5): error WP0105").And.Contain($"{csv}(3,16): error WP0110: 'garden' is not a place");
    }

    [Fact]
    public void Html_roster_is_a_printable_grid_per_perangkat_daerah()
    {
        var facts = Path.Combine(_temp, "plp.facts.yaml");
        File.WriteAllText(facts, PalopoFacts(4));
        var (code, html) = Run("roster", Repo.Path("samples", "circulars", "palopo.wp"), "--facts", facts, "--from", "2021-08-02", "--to", "2021-08-08", "--format", "html");
        code.Should().Be(0);
        // Units without a name in the facts are shown by id; every perangkat daerah is a section (a printed page).
        html.Should().StartWith("<!DOCTYPE html>").And.Contain("Perangkat daerah: disdik</h2>").And.Contain("Perangkat daerah: pkm</h2>")
            .And.Contain("class=\"kantor\">K<").And.Contain("class=\"libur\">L<").And.Contain("<td class=\"name\">palopo-2021-wfh/p2-critical-service</td>");
        html.Split("<section>").Should().HaveCount(3);
    }

    [Fact]
    public void A_printed_row_names_each_provision_with_the_days_it_decides()
    {
        // Luwu Utara's circular ends on 5 August 2021: e-101's days after it are not regulated.
        var (code, html) = Run("roster", Repo.Path("samples", "circulars"), "--facts", Repo.Path("samples", "facts", "sample.facts.yaml"),
            "--from", "2021-08-02", "--to", "2021-08-13", "--format", "html");
        code.Should().Be(0);
        html.Should().Contain("<td class=\"name\">e-101</td><td class=\"name\">Dinas Sosial Luwu Utara</td><td class=\"name\">luwu-utara-2021-wfh/pelaksana-half (2–5 Agu); tidak diatur (6–13 Agu)</td>");
        // One provision over all the working days stays one label.
        var (_, week) = Run("roster", Repo.Path("samples", "circulars"), "--facts", Repo.Path("samples", "facts", "sample.facts.yaml"),
            "--from", "2021-08-02", "--to", "2021-08-05", "--format", "html");
        week.Should().Contain("<td class=\"name\">luwu-utara-2021-wfh/pelaksana-half</td>");
    }

    [Fact]
    public void Sample_roster_snapshot()
    {
        var (code, json) = Run("roster", Repo.Path("samples", "circulars"), "--facts", Repo.Path("samples", "facts", "personas.facts.yaml"),
            "--from", "2021-08-02", "--to", "2021-08-13", "--format", "json");
        code.Should().Be(0);
        Snapshooter.Xunit.Snapshot.Match(json);
    }
}
