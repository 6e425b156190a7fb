using System.Text.Json;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>
/// Every result the engine writes as JSON — decisions, explanations, and each report — reads back equal to what was
/// written, and writing what was read gives the same bytes: the JSON holds all of a result, by one serializer.
/// </summary>
public class ResultsReadBackTests
{
    private static readonly LocalDate Monday = new(2021, 8, 2);
    private static readonly LocalDate Friday = new(2021, 8, 6);
    private static string Circulars => Repo.Path("samples", "circulars");

    private static (PolicyEngine Engine, PolicyFacts Facts) Load(string factsFile)
    {
        var engine = PolicyEngine.Load(Circulars).Value!;
        return (engine, engine.Facts.Load(Repo.Path("samples", "facts", factsFile)).Value!);
    }

    private static void ReadsBackEqual<T>(T written, string json) where T : class
    {
        var read = PolicyJson.Deserialize<T>(json);
        read.Should().Be(written, "a {0} read back from its JSON equals the one written", typeof(T).Name);
        JsonSerializer.Serialize(read, PolicyJson.Contract<T>()).Should().Be(json);
        // Damaged, it is read or refused as Deserialize says — a JsonException — never with another exception.
        foreach (var damaged in Damaged(json))
        {
            try
            {
                PolicyJson.Deserialize<T>(damaged);
            }
            catch (JsonException)
            {
            }
        }
    }

    /// <summary>
    /// The JSON with one thing wrong at a time, at the first, middle and last place it can be: a date that does not
    /// exist, a number past any decimal, a text where something else stands, a list where an object stands.
    /// </summary>
    private static IEnumerable<string> Damaged(string json)
    {
        var damages = new (string Pattern, string Replacement)[]
        {
            ("\"\\d{4}-\\d{2}-\\d{2}\"", "\"2021-02-30\""),
            (":-?\\d+(\\.\\d+)?", ":1e400"),
            (":\"[^\"]*\"", ":5"),
            (":\\{", ":[{"),
            (":\\[\\]", ":{}"),
        };
        foreach (var (pattern, replacement) in damages)
        {
            var found = System.Text.RegularExpressions.Regex.Matches(json, pattern);
            if (found.Count == 0) continue;
            foreach (var m in new[] { found[0], found[found.Count / 2], found[^1] }.Distinct())
                yield return string.Concat(json.AsSpan(0, m.Index), replacement, json.AsSpan(m.Index + m.Length));
        }
    }

    private static void ReportReadsBack<T>(T report) where T : Report => ReadsBackEqual(report, report.ToJson());

    [Theory]
    [InlineData("sample.facts.yaml")]
    [InlineData("personas.facts.yaml")]
    public void Every_explanation_of_the_samples_and_personas_reads_back_equal(string factsFile)
    {
        var (engine, facts) = Load(factsFile);
        var explained = 0;
        foreach (var day in new[] { new LocalDate(2021, 7, 30), Monday, new LocalDate(2020, 4, 1) })
            foreach (var id in facts.Employees)
            {
                var x = engine.Explain(facts, id, day);
                using var ms = new MemoryStream();
                x.WriteJson(ms);
                ReadsBackEqual(x, System.Text.Encoding.UTF8.GetString(ms.ToArray()));
                explained++;
            }
        explained.Should().BeGreaterThan(10);
    }

    [Fact]
    public void Explanations_of_amended_national_circulars_name_what_the_decision_names_and_read_back_equal()
    {
        // SE 23/2021 as amended by SE 24 and 25: the trace names the deciding provision as the decision does, the
        // amendments are in force, and a region whose facts give no status series is no crash for the what-ifs.
        var engine = PolicyEngine.Load(Path.Combine(Circulars, "national")).Value!;
        var facts = engine.Facts.Load(Repo.Path("samples", "facts", "national.facts.yaml")).Value!;
        foreach (var day in new[] { new LocalDate(2021, 7, 30), new LocalDate(2021, 11, 15), new LocalDate(2022, 2, 10) })
            foreach (var id in facts.Employees)
            {
                var x = engine.Explain(facts, id, day);
                foreach (var p in x.Decision.Provisions)
                    x.Trace.Should().Contain(t => t.Circular == p.Circular && t.Provision == p.Id && t.Outcome == "applied", $"{id} on {day}");
                foreach (var v in x.Versions.Where(v => v.AmendedBy.Count > 0 && x.Decision.Circulars.Contains(v.Circular)))
                    x.Decision.Circulars.Should().Contain(v.AmendedBy, $"{id} on {day}: the amendments of the standing version are in force");
                using var ms = new MemoryStream();
                x.WriteJson(ms);
                ReadsBackEqual(x, System.Text.Encoding.UTF8.GetString(ms.ToArray()));
            }
    }

    [Theory]
    [InlineData("sample.facts.yaml")]
    [InlineData("personas.facts.yaml")]
    public void Missing_facts_attendance_and_roster_checks_of_the_samples_read_back_equal(string factsFile)
    {
        var (engine, facts) = Load(factsFile);
        ReportReadsBack(engine.Analysis.MissingFacts(facts, Monday, Friday));
        var attendance = engine.Rosters.Attendance(facts, Monday, Friday);
        ReportReadsBack(attendance);

        var roster = engine.Rosters.Plan(facts, Monday, Friday);
        ReportReadsBack(engine.Rosters.Check(facts, Monday, Friday, roster.Entries));
        // Everyone at the office every day: violations with dates, employees and pools.
        var everyoneIn = roster.Entries.Select(e => e with { Place = e.Place == RosterPlace.Off ? RosterPlace.Off : RosterPlace.Office }).Append(new RosterEntry("stranger", Monday, RosterPlace.Home)).ToList();
        var broken = engine.Rosters.Check(facts, Monday, Friday, everyoneIn);
        broken.Holds.Should().BeFalse();
        broken.Strangers.Should().Contain("stranger");
        ReportReadsBack(broken);
    }

    [Fact]
    public void The_sample_attendance_has_days_and_windows_and_reads_back_them_all()
    {
        var (engine, facts) = Load("sample.facts.yaml");
        var report = engine.Rosters.Attendance(facts, Monday, Friday);
        report.Days.Should().NotBeEmpty();
        report.Days.SelectMany(d => d.Windows).Should().NotBeEmpty();
        PolicyJson.Deserialize<AttendanceReport>(report.ToJson()).Days.Should().Equal(report.Days);
    }

    [Fact]
    public void A_check_with_warnings_and_fixes_reads_back_equal()
    {
        var check = PolicyAnalysis.Check([Circulars], analyze: true);
        check.Diagnostics.Should().Contain(d => d.Accepted != null, "the samples accept a warning with a reason");
        ReportReadsBack(check);
        var folder = Directory.CreateTempSubdirectory("wp-readback-");
        try
        {
            File.Copy(Path.Combine(Circulars, "vocabulary.wp"), Path.Combine(folder.FullName, "vocabulary.wp"));
            var palopo = File.ReadAllText(Path.Combine(Circulars, "palopo.wp"));
            File.WriteAllText(Path.Combine(folder.FullName, "palopo.wp"), palopo.Replace("employee.", "employe.", StringComparison.Ordinal));
            var broken = PolicyAnalysis.Check([folder.FullName]);
            broken.Diagnostics.Should().Contain(d => d.Severity == Severity.Error);
            ReportReadsBack(broken);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_comparison_with_facts_reads_back_equal_with_each_sides_whole_decision()
    {
        var palopo = PolicyEngine.Load(Path.Combine(Circulars, "palopo.wp")).Value!;
        var reading = PolicyEngine.Load(Path.Combine(Circulars, "interpretations", "palopo-leaves-level-iv.wp")).Value!;
        var facts = palopo.Facts.Load(Repo.Path("samples", "facts", "sample.facts.yaml")).Value!;
        var report = PolicyAnalysis.Compare(palopo, reading, new LocalDate(2021, 7, 1), new LocalDate(2021, 8, 31), facts);
        report.Classes.Should().NotBeEmpty();
        report.Employees.Should().NotBeNull();
        ReportReadsBack(report);
        ReportReadsBack(PolicyAnalysis.Compare(palopo, reading, new LocalDate(2021, 7, 1), new LocalDate(2021, 8, 31)));
    }

    [Fact]
    public void The_samples_analysts_tests_with_coverage_read_back_equal()
    {
        var report = AnalystTests.Run([Circulars], new TestOptions { Coverage = true });
        report.Cases.Should().NotBeEmpty();
        report.Scores.Should().NotBeEmpty();
        ReportReadsBack(report);
    }

    [Fact]
    public void A_report_given_as_its_base_type_is_written_as_its_own_and_a_replay_report_is_refused_on_reading()
    {
        var (engine, facts) = Load("sample.facts.yaml");
        var missing = engine.Analysis.MissingFacts(facts, Monday, Monday);
        JsonSerializer.Serialize<Report>(missing, PolicyJson.Options).Should().Be(missing.ToJson());
        var read = () => PolicyJson.Deserialize<ReplayReport>("{}");
        read.Should().Throw<NotSupportedException>().WithMessage("*replay*");
        var notAResult = () => PolicyJson.Contract<Uri>();
        notAResult.Should().Throw<NotSupportedException>();
    }

    [Fact]
    public void A_wrong_document_is_a_json_error_naming_what_is_wrong()
    {
        var read = () => PolicyJson.Deserialize<CheckReport>("""{"files":1,"circulars":1,"diagnostics":[{"code":"WP0001","severity":"fatal","message":"m","path":"p","line":1,"column":1,"endLine":1,"endColumn":2}]}""");
        read.Should().Throw<JsonException>().WithMessage("*'fatal' is not a severity*");
    }
}
