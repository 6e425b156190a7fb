using CsCheck;
using FluentAssertions;
using NodaTime;
using WorkPolicy.Facts;
using WorkPolicy.Evaluation;
using WorkPolicy.Model;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>
/// The compiled conditions are an optimisation of the reference interpreter: on generated conditions over the sample
/// vocabulary and employees with facts missing here and there, both give the same outcome and record the same
/// missing facts — per condition, for a circular's scopes at once, and as the memo layer's key (ages included: a
/// birthday falls between the dates tried).
/// </summary>
public class ConditionInterpreterTests
{
    private static readonly string[] Leaves =
    [
        "true", "false", "asn", "non-asn", "pengawas", "structural", "pelaksana",
        "employee.employment == pns", "employee.employment != ptt", "employee.employment in { pppk, honorer }", "employee.employment not-in { pns, kontrak }",
        "employee.position == pengawas", "employee.echelon == IV", "employee.echelon != none",
        "age(employee.birth_date) >= 50", "age(employee.birth_date) < 30", "age(employee.birth_date) in { 49, 50 }", "employee.birth_date < 1980-01-01",
        "employee.birth_date >= 2000-02-29", "employee.birth_date != 1971-07-30",
        "employee.tier < 3", "employee.tier >= 2", "employee.tier == 1", "employee.tier in { 1, 4 }", "employee.tier not-in { 2 }", "employee.tier > 3", "employee.tier <= 1",
        "employee.roles has guru", "employee.roles has-any { sopir, lurah }", "employee.health.chronic has-any { asma }",
        "employee.health.healthy", "employee.health.healthy == false", "employee.it_capable", "employee.health.pregnant", "employee.vaccinated != true",
        "unit.kind == dinas", "unit.kind in { puskesmas, rsud }", "top-unit.kind == dinas", "top-unit.agency in { dinkes, disdik }",
        "unit.services has-any { critical, direct-service }", "unit.sector == esensial", "unit.school_level != sd",
        "employee.status.isolation.active", "employee.status.sick.active == false", "employee.status.temperature.celsius > 37", "employee.status.temperature.celsius <= 37.5",
        "region.ppkm.level >= 3", "region.ppkm.level == 4", "region.ppkm.active == false", "region.java-bali", "region.zone.colour in { merah, oranye }",
    ];

    internal static Gen<string> Expr(int depth) => depth == 0
        ? Gen.OneOf(Leaves)
        : Gen.Frequency(
            (3, Gen.OneOf(Leaves)),
            (1, Expr(depth - 1).Select(e => $"not ({e})")),
            (3, Gen.Select(Expr(depth - 1), Expr(depth - 1), Gen.Bool, (a, b, and) => $"({a}) {(and ? "and" : "or")} ({b})")),
            (1, Gen.Select(Expr(depth - 1), Expr(depth - 1), Expr(depth - 1), (a, b, c) => $"({a}) or ({b}) or ({c})")));

    // Employees with facts missing here and there, in regions with and without status series and attributes.
    internal const string Facts = """
        regions:
          kota-palopo:
            ppkm: [ { from: 2021-07-26, level: 4 }, { from: 2021-08-24, level: 3 }, { from: 2021-09-01, active: false } ]
            zone: [ { from: 2021-07-01, colour: merah } ]
          kota-bandung:
            ppkm: [ { from: 2021-08-01, level: 2 } ]
        units:
          - { id: dinas, region: kota-palopo, kind: dinas, agency: disdik, sector: esensial }
          - { id: pkm, region: kota-palopo, kind: puskesmas, agency: dinkes, parent: dinas, services: [critical] }
          - { id: sd, region: kota-bandung, kind: sekolah, school_level: sd }
          - { id: bare, region: kab-paser }
          - { id: sub, region: kab-paser, kind: uptd, parent: bare }
        employees:
          - { id: e1, unit: dinas, employment: pns, position: pengawas, tier: 1, birth_date: 1971-07-30, roles: [guru], it_capable: true, vaccinated: true, health: { healthy: true },
              status: { temperature: [ { from: 2021-07-20, celsius: 36.5 }, { from: 2021-07-30, celsius: 37.9 } ], isolation: [ { from: 2021-07-29, until: 2021-08-27 } ] } }
          - { id: e2, unit: pkm, employment: honorer, tier: 4, birth_date: 2000-02-29, roles: [sopir, lurah], health: { healthy: false, chronic: [asma] },
              status: { sick: [ { from: 2021-07-30, until: 2021-07-30, active: true } ], temperature: [ { from: 2021-08-27, until: 2021-08-27, celsius: 37 } ] } }
          - { id: e3, unit: sd, position: pelaksana, echelon: IV }
          - { id: e4, unit: bare, employment: pppk, roles: [] }
          - { id: e5, unit: sub, employment: kontrak, birth_date: 1991-08-27, position: administrator, echelon: III, tier: 2, it_capable: false, health: { pregnant: true } }
          - { id: e6, unit: pkm }
          - { id: e7, unit: sd, employment: ptt, tier: 3, vaccinated: false, health: { healthy: true, certified: true } }
        """;

    internal static readonly LocalDate[] Dates = [new(2021, 7, 20), new(2021, 7, 30), new(2021, 8, 27), new(2021, 9, 3)];

    /// <summary>A rule model of one circular in every region whose one provision has <paramref name="scope"/>.</summary>
    private static RuleModel WithScope(string scope) => WithScopes([scope]);

    /// <summary>A rule model of one circular in every region with a provision a scope, in order.</summary>
    internal static RuleModel WithScopes(IEnumerable<string> scopes) => Engine.Link($$"""
        circular c {
          number "1"
          issuer "x"
          region all
          period from 2021-01-01
        {{string.Concat(scopes.Select((scope, i) => $$"""
          provision p{{i}} {
            cite "1" "p"
            scope {{scope}}
            mode home
          }

        """))}}
        }
        """).Model!;

    /// <summary>
    /// A rule model of one circular a scope, each with a single provision, in every region; their periods are years
    /// apart (2001, 2002, …) so no two overlap.
    /// </summary>
    internal static RuleModel OneCircularEach(IEnumerable<string> scopes) => Engine.Link(string.Concat(scopes.Select((scope, i) => $$"""
        circular c{{i}} {
          number "{{i}}"
          issuer "x"
          region all
          period from {{2001 + i}}-01-01 to {{2001 + i}}-12-31
          provision p {
            cite "1" "p"
            scope {{scope}}
            mode home
          }
        }

        """))).Model!;

    [Fact]
    public void A_scope_reads_its_employees_region_and_a_region_only_scope_the_one_it_was_pointed_at()
    {
        var model = WithScope("true");
        var facts = FactsLoader.Load("facts.yaml", Facts, model.Vocabulary).Facts!;
        var index = new FactIndex(facts, model.Layout);
        var regionOnly = new DecisionSubject(index);
        regionOnly.SetRegion("kota-palopo");
        regionOnly.Region.Should().Be("kota-palopo");
        var scope = new DecisionSubject(index);
        var row = index.Row(facts.Employees[0]);
        scope.SetEmployee(row);
        scope.Region.Should().Be(row.Region).And.NotBeEmpty();
        scope.Unit.Should().BeSameAs(row.Unit);
        FluentActions.Invoking(() => scope.SetRegion("elsewhere")).Should().Throw<InvalidOperationException>("the employee's region is the one read");
    }

    [Fact]
    public void Compiled_conditions_answer_and_record_as_the_interpreter_does()
    {
        Expr(4).Sample(text =>
        {
            var model = WithScope(text);
            var condition = model.Circulars[0].Deciding[0].Scope;
            var facts = FactsLoader.Load("facts.yaml", Facts, model.Vocabulary);
            facts.Diagnostics.Should().BeEmpty();
            var index = new FactIndex(facts.Facts!, model.Layout);
            var compiler = new ConditionCompiler();
            var compiled = compiler.Compile(condition);
            var all = compiler.CompileAll([condition, null]);
            var leaves = Conditions.Leaves([condition]);
            var key = compiler.CompileKey(leaves, 3);
            var reference = new ConditionCompiler(reference: true).CompileKey(leaves, 3);
            var scope = new DecisionSubject(index, 2);
            foreach (var e in facts.Facts!.Employees)
            {
                scope.SetEmployee(index.Row(e));
                foreach (var date in Dates)
                {
                    scope.Date = date;
                    scope.Missing = [];
                    var expected = ConditionInterpreter.Evaluate(condition, scope);
                    var expectedMissing = scope.Missing.ToList();
                    scope.Missing = [];
                    compiled(scope).Should().Be(expected, $"{text} for {e.Id} on {date}");
                    scope.Missing.Should().Equal(expectedMissing, $"the facts {text} lacks for {e.Id} on {date}");
                    scope.Missing = null;
                    all(scope, scope.Results);
                    scope.Results.Should().Equal([expected, Tri.True], text);
                    key(scope).Should().Be(reference(scope), text);
                }
            }
        }, iter: 150, threads: 1);
    }

    [Fact]
    public void Kleene_tables_hold_for_the_interpreter()
    {
        var model = WithScope("(employee.tier < 3 and false) or (employee.tier < 3 or true) and not (employee.tier < 3)");
        var facts = FactsLoader.Load("facts.yaml", "units: [ { id: u, region: kota-palopo } ]\nemployees: [ { id: e, unit: u } ]\n", model.Vocabulary).Facts!;
        var index = new FactIndex(facts, model.Layout);
        var scope = new DecisionSubject(index) { Missing = [] };
        scope.SetEmployee(index.Row(facts.Employees[0]));
        scope.Date = new LocalDate(2021, 7, 30);
        // false and-settles, true or-settles, not unknown is unknown: unknown in all, the tier recorded once kept.
        ConditionInterpreter.Evaluate(model.Circulars[0].Deciding[0].Scope, scope).Should().Be(Tri.Unknown);
        scope.Missing.Should().Equal("employees[e].tier");
    }
}
