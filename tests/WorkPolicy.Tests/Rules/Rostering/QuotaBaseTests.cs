using FluentAssertions;
using NodaTime;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>
/// A share of a wider base than the pool (Boyolali: "at most 50 % of all ASN of each perangkat daerah at the office",
/// the head and the secretary fixed at the office counting within it): the roster and its check honour it, and a
/// base that leaves out some of the pool is refused.
/// </summary>
public class QuotaBaseTests
{
    private static readonly PolicyEngine Boyolali = PolicyEngine.Load(Repo.Path("samples", "circulars", "boyolali")).Value!;
    private static readonly LocalDate Monday = new(2020, 9, 14), Friday = new(2020, 9, 18);

    // disdik: 5 ASN (head, secretary, 3 staff) and an honorary driver; dinkes: 10 ASN (head, secretary, 8 staff).
    private static readonly PolicyFacts Facts = Load("""
        units:
          - { id: disdik, region: kab-boyolali, kind: dinas, agency: disdik }
          - { id: dinkes, region: kab-boyolali, kind: dinas, agency: dinkes }
        employees:
          - { id: d-head, unit: disdik, employment: pns, position: jpt-pratama }
          - { id: d-sec, unit: disdik, employment: pns, position: administrator, roles: [kepala-tata-usaha] }
          - { id: d-1, unit: disdik, employment: pns, position: pelaksana }
          - { id: d-2, unit: disdik, employment: pns, position: pelaksana }
          - { id: d-3, unit: disdik, employment: pppk, position: fungsional }
          - { id: d-driver, unit: disdik, employment: honorer, roles: [sopir] }
          - { id: k-head, unit: dinkes, employment: pns, position: jpt-pratama }
          - { id: k-sec, unit: dinkes, employment: pns, position: administrator, roles: [kepala-tata-usaha] }
          - { id: k-1, unit: dinkes, employment: pns, position: pelaksana }
          - { id: k-2, unit: dinkes, employment: pns, position: pelaksana }
          - { id: k-3, unit: dinkes, employment: pns, position: pelaksana }
          - { id: k-4, unit: dinkes, employment: pns, position: pelaksana }
          - { id: k-5, unit: dinkes, employment: pns, position: pelaksana }
          - { id: k-6, unit: dinkes, employment: pns, position: pelaksana }
          - { id: k-7, unit: dinkes, employment: pppk, position: fungsional }
          - { id: k-8, unit: dinkes, employment: pppk, position: fungsional }
        """);

    private static PolicyFacts Load(string text)
    {
        var loaded = Boyolali.Facts.Parse("boyolali.facts.yaml", text);
        loaded.Diagnostics.Should().BeEmpty();
        return loaded.Value!;
    }

    [Fact]
    public void The_fixed_heads_count_within_the_half_of_all_ASN()
    {
        var plan = Boyolali.Rosters.Plan(Facts, Monday, Friday);
        for (var day = Monday; day <= Friday; day = day.PlusDays(1))
        {
            int AtOffice(string prefix) => plan.Entries.Count(e => e.Date == day && e.Employee.StartsWith(prefix, StringComparison.Ordinal) && e.Employee != "d-driver" && e.Place == RosterPlace.Office);
            // Half of 5 ASN is 2, both taken by the head and the secretary: the three who rotate stay home (40 % at the office).
            AtOffice("d-").Should().Be(2, day.ToString());
            // Half of 10 is 5: the head, the secretary and 3 of the 8 who rotate.
            AtOffice("k-").Should().Be(5, day.ToString());
        }
        var disdik = plan.Pools.First(p => p.Unit == "disdik");
        disdik.Should().Match<PoolDayCount>(p => p.Members == 3 && p.Quota == 0 && p.Base == 5 && p.FixedAtPlace == 2 && p.AtMost && p.Holds);
        plan.Pools.First(p => p.Unit == "dinkes").Should().Match<PoolDayCount>(p => p.Members == 8 && p.Quota == 3 && p.Base == 10 && p.FixedAtPlace == 2);
        plan.ToJson().Should().Contain("\"base\":5").And.Contain("\"fixedAtPlace\":2");
        Boyolali.Rosters.Check(Facts, Monday, Friday, plan.Entries).Holds.Should().BeTrue("the planner's roster meets the check's reading of the same quota");
    }

    [Fact]
    public void A_roster_that_counts_only_the_pool_breaks_the_share_of_the_base()
    {
        // What the trial's roster did: half of the 3 who rotate at the office, so 3 of 5 ASN (60 %).
        var plan = Boyolali.Rosters.Plan(Facts, Monday, Monday).Entries
            .Select(e => e.Employee == "d-1" ? e with { Place = RosterPlace.Office } : e).ToList();
        var report = Boyolali.Rosters.Check(Facts, Monday, Monday, plan);
        report.Holds.Should().BeFalse();
        report.Issues.Should().ContainSingle().Which.Message.Should()
            .Be("1 of 3 at the office; the quota is at most 0 (50% of 5 in the base, 2 of them fixed at the office, rounded down)");
    }

    [Fact]
    public void A_base_that_leaves_out_some_of_the_pool_is_refused_with_an_example()
    {
        var folder = Directory.CreateTempSubdirectory("wp-base-").FullName;
        try
        {
            File.Copy(Repo.Path("samples", "circulars", "boyolali", "region.wp"), Path.Combine(folder, "region.wp"));
            File.WriteAllText(Path.Combine(folder, "vocabulary.wp"), File.ReadAllText(Repo.Path("samples", "circulars", "vocabulary.wp")));
            File.WriteAllText(Path.Combine(folder, "narrow.wp"), File.ReadAllText(Repo.Path("samples", "circulars", "boyolali", "boyolali.wp"))
                .Replace("at-most 50% of asn", "at-most 50% of employee.employment == pns", StringComparison.Ordinal));
            var loaded = PolicyEngine.Load(folder);
            loaded.Value.Should().BeNull("a base narrower than its pool is an error, also when an app loads the rules");
            loaded.Diagnostics.Should().ContainSingle(d => d.Code == "WP0321").Which.Message.Should()
                .StartWith("the quota base of 'staff-half' leaves out some of its pool, e.g. when").And.Contain("pppk");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_base_is_written_and_read_alike_in_both_encodings()
    {
        var dsl = File.ReadAllText(Repo.Path("samples", "circulars", "boyolali", "boyolali.wp"));
        dsl.Should().Contain("pool aparatur per top-unit office at-most 50% of asn rounding down");
        File.ReadAllText(Repo.Path("samples", "circulars", "boyolali", "yaml", "boyolali.yaml")).Should().Contain("base: \"asn\"");
        RuleFiles.FormatText("boyolali.wp", dsl).Should().Match<Loaded<string>>(f => f.Value == null && !f.Diagnostics.Any(), "the file is canonical already, the base where it is written");
        var yaml = PolicyEngine.Load(Repo.Path("samples", "circulars", "boyolali", "yaml")).Value!;
        for (var day = Monday; day <= Friday; day = day.PlusDays(1))
            yaml.Rosters.Plan(Facts, day, day).Pools.Should().Equal(Boyolali.Rosters.Plan(Facts, day, day).Pools);
    }
}
