using System.Text.Json;
using FluentAssertions;
using NodaTime;
using NodaTime.Text;
using Snapshooter;
using Snapshooter.Xunit;
using WorkPolicy.Cli;
using WorkPolicy.Parsing;
using WorkPolicy.Facts;
using WorkPolicy.Loading;
using WorkPolicy.Ast;
using WorkPolicy.Evaluation;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>
/// Reviewed snapshots of how the sample circulars decide for a set of personas, and of where
/// alternative readings differ: a change of reading shows up as a diff to review and commit.
/// </summary>
public class SnapshotTests
{
    public sealed record Row(string Employee, string Date, string Mode, string[] Provisions, string[] Obligations, string? Pool, string[] Unknown);

    public sealed record Difference(string Employee, string Date, string[] Differs, string AMode, string[] AProvisions, string BMode, string[] BProvisions);

    private static readonly Dictionary<string, (string Region, string[] Dates)> Matrix = new()
    {
        ["kukar-2021-wfh"] = ("kab-kutai-kartanegara", ["2021-06-25", "2021-06-28", "2021-06-29", "2021-07-03", "2022-01-05"]),
        ["paser-2020-wfh"] = ("kab-paser", ["2020-07-28", "2020-07-29", "2020-08-12", "2020-08-13"]),
        ["bukittinggi-2021-wfh"] = ("kota-bukittinggi", ["2021-07-05", "2021-07-06", "2021-07-19", "2021-07-20", "2021-07-21"]),
        ["palopo-2021-wfh"] = ("kota-palopo", ["2021-07-28", "2021-07-29", "2021-07-30", "2021-08-24", "2022-12-30"]),
        ["luwu-utara-2021-wfh"] = ("kab-luwu-utara", ["2021-07-27", "2021-07-28", "2021-08-05", "2021-08-06"]),
        ["balikpapan-2020-attendance"] = ("kota-balikpapan", ["2020-07-31", "2020-08-03", "2020-08-10", "2020-08-12", "2020-08-13"]),
    };

    public static TheoryData<string> Circulars() => [.. Matrix.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Circulars))]
    public void Persona_decision_matrix(string circular)
    {
        var rules = SamplePopulation.Rules;
        var path = Repo.Path("samples", "facts", "personas.facts.yaml");
        var facts = FactsLoader.Load(path, File.ReadAllText(path), rules.Model.Vocabulary).Facts!;
        var index = SamplePopulation.Index(facts);
        var evaluator = new Evaluator(rules, index);
        var (region, dates) = Matrix[circular];
        var rows = new List<Row>();
        foreach (var e in facts.Employees.Where(e => index.Unit(e.Unit)?.Region == region))
        {
            foreach (var date in dates)
            {
                Values.TryDate(date, out var d).Should().BeTrue();
                var decision = evaluator.Decide(index.Row(e), d);
                rows.Add(new Row(e.Id, date, decision.Mode.Word(), [.. decision.Provisions.Select(p => p.Id)],
                    [.. decision.Obligations.Select(o => o.Kind)], decision.Pool is { } p ? $"{p.Group}@{p.Unit}" : null, [.. decision.Unknown]));
            }
        }
        rows.Should().NotBeEmpty();
        Snapshot.Match(rows, new SnapshotNameExtension(circular));
    }

    public static TheoryData<string, string, string, string> Readings() => new()
    {
        { "palopo.wp", "palopo-leaves-level-iv.wp", "2021-08-20", "2021-08-27" },
        { "balikpapan.wp", "balikpapan-closure-day-after.wp", "2020-08-07", "2020-08-14" },
        { "kutai-kartanegara.wp", "kukar-meeting-larger.wp", "2021-06-28", "2021-06-29" },
        // Readings of a circular another interpretation reads too live apart (one folder is one rule set).
        { "palopo.wp", Path.Combine("..", "readings", "palopo-as-worded.wp"), "2021-07-29", "2021-08-02" },
    };

    [Theory]
    [MemberData(nameof(Readings))]
    public void Interpretation_comparison(string a, string b, string from, string to)
    {
        var differences = Compare(a, b, from, to);
        Snapshot.Match(differences, new SnapshotNameExtension(Path.GetFileNameWithoutExtension(b)));
    }

    [Fact]
    public void Comparisons_find_differences_exactly_where_the_readings_differ()
    {
        // Palopo leaves level IV on 2021-08-24 (a Tuesday): from then on only the "PPKM ends" reading holds.
        Compare("palopo.wp", "palopo-leaves-level-iv.wp", "2021-08-20", "2021-08-27").Select(d => (d.Employee, d.Date)).Should().BeEquivalentTo(
            from e in new[] { "plp-staff", "plp-honorer", "plp-puskesmas" }
            from d in new[] { "2021-08-24", "2021-08-25", "2021-08-26", "2021-08-27" }
            select (e, d));
        // A case confirmed Monday 2020-08-10: days 10-12 versus 11-13; only the unit of the case closes.
        Compare("balikpapan.wp", "balikpapan-closure-day-after.wp", "2020-08-07", "2020-08-14").Select(d => (d.Employee, d.Date, d.AMode, d.BMode))
            .Should().Equal(("bpp-staff", "2020-08-10", "home", "rotation"), ("bpp-staff", "2020-08-13", "rotation", "home"));
        // Smaller versus larger meeting limit: an obligation detail for everyone decided on a working day.
        Compare("kutai-kartanegara.wp", "kukar-meeting-larger.wp", "2021-06-26", "2021-06-28").Should()
            .OnlyContain(d => d.Date == "2021-06-28" && d.Differs.SequenceEqual(new[] { "obligations" }))
            .And.HaveCount(2, "the pengawas whose health is unknown is indeterminate in both readings");
    }

    /// <summary>SE 23/2021 as issued against SE 23/2021 as amended by its five amendments, on the national facts, every Wednesday.</summary>
    [Fact]
    public void National_series_as_issued_versus_as_amended()
    {
        var folder = Repo.Path("samples", "circulars", "national");
        var issued = PolicyEngine.Load(Path.Combine(folder, "se-23-2021.wp")).Value!;
        var amended = PolicyEngine.Load([.. new[] { "se-23-2021", "se-24-2021", "se-25-2021", "se-01-2022", "se-05-2022", "se-06-2022" }.Select(f => Path.Combine(folder, f + ".wp"))]).Value!;
        var factsPath = Repo.Path("samples", "facts", "national.facts.yaml");
        var (a, b) = (issued.Facts.Load(factsPath).Value!, amended.Facts.Load(factsPath).Value!);
        static string Side(Decision d) => $"{d.Mode.Word()}{(d.Pool is { } p ? $" {(p.AtMost ? "≤" : "")}{p.Percent}%" : "")} {string.Join(",", d.Provisions.Select(x => $"{x.Circular}/{x.Id}"))}".TrimEnd();
        var rows = new List<string>();
        for (var date = new LocalDate(2021, 9, 22); date <= new LocalDate(2022, 3, 9); date = date.PlusWeeks(1))
        {
            foreach (var e in a.Employees)
            {
                var (x, y) = (Side(issued.Decide(a, e, date)), Side(amended.Decide(b, e, date)));
                if (x != y) rows.Add($"{Values.Text(date)} {e}: {x} | {y}");
            }
        }
        rows.Should().Contain(r => r.StartsWith("2021-11-24 b2: home se-23-2021/jb-unvaccinated | rotation", StringComparison.Ordinal), "SE 25/2021 lifts the bar on the unvaccinated");
        Snapshot.Match(rows);
    }

    private static List<Difference> Compare(string a, string b, string from, string to)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = WorkPolicyCommand.Run(["compare", Repo.Path("samples", "circulars", a), Repo.Path("samples", "circulars", "interpretations", b),
            "--facts", Repo.Path("samples", "facts", "personas.facts.yaml"), "--from", from, "--to", to, "--format", "json"], stdout, stderr);
        stderr.ToString().Should().BeEmpty();
        code.Should().Be(0);
        using var doc = JsonDocument.Parse(stdout.ToString());
        static string[] Ids(JsonElement side) => [.. side.GetProperty("provisions").EnumerateArray().Select(p => p.GetProperty("id").GetString()!)];
        // A stretch of dates that differ alike is one entry; the snapshots hold it date by date.
        static IEnumerable<string> Days(JsonElement d)
        {
            var (from, to) = (LocalDatePattern.Iso.Parse(d.GetProperty("from").GetString()!).Value, LocalDatePattern.Iso.Parse(d.GetProperty("to").GetString()!).Value);
            for (var day = from; day <= to; day = day.PlusDays(1)) yield return Values.Text(day);
        }
        return [.. doc.RootElement.GetProperty("differences").EnumerateArray().SelectMany(d => Days(d).Select(day => new Difference(
            d.GetProperty("employee").GetString()!, day,
            [.. d.GetProperty("differs").EnumerateArray().Select(x => x.GetString()!)],
            d.GetProperty("a").GetProperty("mode").GetString()!, Ids(d.GetProperty("a")),
            d.GetProperty("b").GetProperty("mode").GetString()!, Ids(d.GetProperty("b")))))];
    }
}
