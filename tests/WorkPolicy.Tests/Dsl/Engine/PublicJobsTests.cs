using System.Text.Json;
using FluentAssertions;
using NodaTime;
using WorkPolicy.Cli;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>Every job of the command line is a call of the public library, and its results compare, print and serialize as values.</summary>
public class PublicJobsTests
{
    private static readonly LocalDate Fri = new(2021, 7, 30);
    private static string Circulars => Repo.Path("samples", "circulars");

    private static (PolicyEngine Engine, PolicyFacts Facts) Samples()
    {
        var engine = PolicyEngine.Load(Circulars);
        engine.Diagnostics.Should().NotContain(d => d.Severity == Severity.Error);
        var facts = engine.Value!.Facts.Load(Repo.Path("samples", "facts", "sample.facts.yaml"));
        facts.Diagnostics.Should().BeEmpty();
        return (engine.Value!, facts.Value!);
    }

    private static (int Code, string Out, string Err) Cli(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var code = WorkPolicyCommand.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Identical_decisions_are_equal_and_print_readably()
    {
        var (engine, facts) = Samples();
        var id = facts.Employees[0];
        var a = engine.Decide(facts, id, Fri);
        var b = engine.Explain(facts, id, Fri).Decision;
        a.Should().NotBeSameAs(b);
        a.Equals(b).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
        a.ToString().Should().StartWith($"{id} 2021-07-30 ").And.NotContain("ImmutableArray");
        (a with { Unknown = ["employees[x].position"] }).Should().NotBe(a);
    }

    [Fact]
    public void Decide_answers_as_the_plain_walk_and_unknown_employees_are_plain_answers()
    {
        var (engine, facts) = Samples();
        foreach (var id in facts.Employees) engine.Decide(facts, id, Fri).Should().Be(engine.Explain(facts, id, Fri).Decision, id);
        engine.TryDecide(facts, "nobody", Fri, out var none).Should().BeFalse();
        none.Should().BeNull();
        engine.TryDecide(facts, null!, Fri, out _).Should().BeFalse();
        var unknown = () => engine.Decide(facts, "nobody", Fri);
        unknown.Should().Throw<ArgumentException>().WithMessage("employee 'nobody' is not in the facts*");
        var nullId = () => engine.Decide(facts, null!, Fri);
        nullId.Should().Throw<ArgumentNullException>().WithMessage("give an employee id*");
    }

    [Fact]
    public void Loading_nothing_a_missing_file_or_empty_facts_is_a_diagnostic()
    {
        PolicyEngine.Load().Diagnostics.Should().ContainSingle(d => d.Code == "WP0004");
        PolicyEngine.Load(Array.Empty<RuleSource>()).Diagnostics.Should().ContainSingle(d => d.Code == "WP0004");
        var missing = PolicyEngine.Load(Path.Combine(Circulars, "no-such.wp"));
        missing.Value.Should().BeNull();
        missing.Diagnostics.Should().Contain(d => d.Severity == Severity.Error);
        var (engine, _) = Samples();
        foreach (var empty in new[] { "", "   \n", "# nothing\n" })
        {
            var facts = engine.Facts.Parse("hr", empty);
            facts.Value.Should().BeNull();
            facts.Diagnostics.Should().ContainSingle(d => d.Code == "WP0006" && d.Span.Path == "hr");
        }
        var file = Path.GetTempFileName();
        try
        {
            engine.Facts.Load(file).Diagnostics.Should().ContainSingle(d => d.Code == "WP0006");
            var (code, _, err) = Cli("eval", Circulars, "--facts", file, "--on", "2021-07-30");
            code.Should().Be(1);
            err.Should().Contain("WP0006");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_conflicting_rule_set_is_refused_unless_a_lenient_load_is_asked_for()
    {
        var vocabulary = File.ReadAllText(Path.Combine(Circulars, "vocabulary.wp"));
        const string conflicting = """
            circular c {
              number "1"
              issuer "x"
              region kota-palopo
              period from 2021-01-01
              provision a {
                cite "1" "a"
                mode office
              }
              provision b {
                cite "2" "b"
                mode home
              }
            }
            """;
        RuleSource[] sources = [new("vocabulary.wp", vocabulary), new("c.wp", conflicting)];
        var strict = PolicyEngine.Load(sources);
        strict.Value.Should().BeNull();
        strict.Diagnostics.Should().Contain(d => d.Code == "WP0305" && d.Severity == Severity.Error && d.Span.Path.EndsWith("c.wp"));
        var lenient = PolicyEngine.Load(sources, LoadOptions.Lenient);
        lenient.Value.Should().NotBeNull();
        lenient.Value!.Circulars.Should().Equal("c");
    }

    [Fact]
    public void Reversed_ranges_and_cancelled_streams_end_plainly()
    {
        var (engine, facts) = Samples();
        var reversed = () => engine.DecideAll(facts, Fri, Fri.PlusDays(-1));
        reversed.Should().Throw<ArgumentException>().WithMessage("the last date 2021-07-29 is before the first 2021-07-30*");
        var missing = () => engine.Analysis.MissingFacts(facts, Fri, Fri.PlusDays(-1));
        missing.Should().Throw<ArgumentException>();
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var cancelled = () => engine.DecideAll(facts, Fri, Fri.PlusDays(30), cancel.Token).ToList();
        cancelled.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void Facts_are_kept_across_a_reload_of_the_same_vocabulary()
    {
        var (engine, facts) = Samples();
        var reloaded = PolicyEngine.Load(Circulars).Value!;
        reloaded.Accepts(facts).Should().BeTrue();
        reloaded.DecideAll(facts, Fri, Fri).Should().Equal(engine.DecideAll(facts, Fri, Fri));
    }

    [Fact]
    public void Every_verb_is_a_library_call_with_the_same_text()
    {
        var (engine, facts) = Samples();
        var factsPath = Repo.Path("samples", "facts", "sample.facts.yaml");
        var palopo = Path.Combine(Circulars, "palopo.wp");
        var reading = Path.Combine(Circulars, "interpretations", "palopo-leaves-level-iv.wp");
        var issued = PolicyEngine.Load(palopo).Value!;
        var other = PolicyEngine.Load(reading).Value!;

        var comparison = PolicyAnalysis.Compare(issued, other, new LocalDate(2021, 7, 1), new LocalDate(2021, 8, 31));
        Cli("compare", palopo, reading, "--from", "2021-07-01", "--to", "2021-08-31").Out.Should().Be(comparison.ToString());
        comparison.Should().Be(PolicyAnalysis.Compare(issued, other, new LocalDate(2021, 7, 1), new LocalDate(2021, 8, 31)));
        comparison.Classes.Should().NotBeEmpty();

        var roster = engine.Rosters.Plan(facts, new LocalDate(2021, 8, 2), new LocalDate(2021, 8, 6));
        Cli("roster", Circulars, "--facts", factsPath, "--from", "2021-08-02", "--to", "2021-08-06").Out.Should().Be(roster.ToString());
        var first = roster.Entries[0];
        roster.PlaceOf(first.Employee, first.Date).Should().Be(first.Place);
        engine.Rosters.Check(facts, new LocalDate(2021, 8, 2), new LocalDate(2021, 8, 6), roster.Entries).Holds.Should().BeTrue();

        var attendance = engine.Rosters.Attendance(facts, new LocalDate(2021, 8, 2), new LocalDate(2021, 8, 6));
        Cli("attendance", Circulars, "--facts", factsPath, "--from", "2021-08-02", "--to", "2021-08-06").Out.Should().Be(attendance.ToString());

        var missing = engine.Analysis.MissingFacts(facts, Fri, Fri);
        Cli("eval", Circulars, "--facts", factsPath, "--on", "2021-07-30", "--missing").Out.Should().Be(missing.ToString());

        var id = facts.Employees[0];
        var explanation = engine.Explain(facts, id, Fri);
        Cli("explain", Circulars, "--facts", factsPath, "--employee", id, "--on", "2021-07-30").Out.Should().Be(explanation.ToString());
        explanation.Should().Be(engine.Explain(facts, id, Fri));

        var check = PolicyAnalysis.Check([Circulars]);
        Cli("check", Circulars).Out.Should().Be(check.Summary + "\n");

        var tests = AnalystTests.Run([Circulars]);
        tests.Failed.Should().Be(0);
        tests.Passed.Should().BeGreaterThan(50);
        Cli("test", Circulars).Out.Should().EndWith(tests.Summary + "\n");
    }

    [Fact]
    public void Decisions_and_reports_serialize_in_the_documented_shape()
    {
        var (engine, facts) = Samples();
        var d = engine.Decide(facts, facts.Employees[0], Fri);
        var json = JsonSerializer.Serialize(d, PolicyJson.Options);
        using var doc = JsonDocument.Parse(json);
        doc.RootElement.GetProperty("date").GetString().Should().Be("2021-07-30");
        doc.RootElement.GetProperty("mode").GetString().Should().Be(d.Mode.Word());
        json.Should().NotContain("Calendar").And.NotContain("TickOfDay");
        PolicyJson.Serialize(d).Should().Be(json);
        var missing = engine.Analysis.MissingFacts(facts, Fri, Fri);
        JsonSerializer.Serialize<Report>(missing, PolicyJson.Options).Should().Be(missing.ToJson());
    }

    [Fact]
    public void Decisions_read_back_from_their_json_equal_the_decisions_written()
    {
        var engine = PolicyEngine.Load(Circulars).Value!;
        var facts = engine.Facts.Load(Repo.Path("samples", "facts", "personas.facts.yaml")).Value!;
        var decisions = engine.DecideAll(facts, new LocalDate(2020, 3, 16), new LocalDate(2021, 8, 31)).Where((_, i) => i % 7 == 0).ToList();
        decisions.Should().Contain(d => d.Obligations.Count > 0).And.Contain(d => d.Pool != null).And.Contain(d => d.Unknown.Count > 0);
        foreach (var d in decisions)
        {
            var json = JsonSerializer.Serialize(d, PolicyJson.Options);
            var back = JsonSerializer.Deserialize<Decision>(json, PolicyJson.Options);
            JsonSerializer.Serialize(back, PolicyJson.Options).Should().Be(json);
            // Every detail keeps its kind of value in JSON (a share "25%", a count a number): read back, equal.
            back.Should().Be(d, json);
        }
        decisions.Should().Contain(d => d.Obligations.Any(o => o.Details.Any(x => x.Value.EndsWith('%'))), "a share is among them");
        var bad = () => PolicyJson.Deserialize("{\"employee\": \"e\"}");
        bad.Should().Throw<JsonException>().WithMessage("*'date'*");
        // Whatever is wrong inside, the caller is told it is not a decision (JsonException), as the method says.
        const string Good = "{\"employee\":\"e\",\"date\":\"2021-07-30\",\"mode\":\"office\",\"circulars\":[],\"provisions\":[],\"obligations\":[],\"unknown\":[]}";
        PolicyJson.Deserialize(Good).Mode.Should().Be(WorkMode.Office);
        foreach (var broken in new[]
        {
            Good.Replace("2021-07-30", "2021-02-30"),
            Good.Replace(",\"unknown\":[]", ",\"pool\":{\"group\":1}"),
            Good.Replace("\"obligations\":[]", "\"obligations\":[{\"kind\":\"x\",\"n\":1e400,\"circular\":\"c\",\"provision\":\"p\"}]"),
            Good.Replace("\"circulars\":[]", "\"circulars\":[1]"),
        })
        {
            var read = () => PolicyJson.Deserialize(broken);
            read.Should().Throw<JsonException>(broken);
        }
    }

    [Fact]
    public void A_facts_file_of_another_vocabulary_is_diagnostics_not_a_crash()
    {
        var other = PolicyEngine.Load([new RuleSource("v.wp", "vocabulary other {\n  field employee.grade: number\n}\n")], LoadOptions.Lenient).Value!;
        var loaded = other.Facts.Load(Repo.Path("samples", "facts", "personas.facts.yaml"));
        loaded.Value.Should().BeNull();
        loaded.Diagnostics.Should().Contain(d => d.Severity == Severity.Error && d.Code.StartsWith("WP0") && d.Span.Line > 0);
    }

    [Fact]
    public void A_provision_id_two_circulars_share_is_named_with_its_circular_in_summaries()
    {
        var d = new Decision("e", Fri, WorkMode.Home, ["depok", "depok-ext"],
            [new ProvisionRef("d5-at-home", "depok", "point 5"), new ProvisionRef("d5-at-home", "depok-ext", "point 5"), new ProvisionRef("d6", "depok", "point 6")], [], null, []);
        WorkPolicy.Output.DecisionDiff.Summary(d).Should().Be("home (depok/d5-at-home, depok-ext/d5-at-home, d6)");
    }

    [Fact]
    public void Sources_streams_and_resources_load_like_files()
    {
        var vocabulary = File.ReadAllText(Path.Combine(Circulars, "vocabulary.wp"));
        using var palopo = File.OpenRead(Path.Combine(Circulars, "palopo.wp"));
        var engine = PolicyEngine.Load([new RuleSource("vocabulary.wp", vocabulary), RuleSource.FromStream("palopo.wp", palopo)]);
        engine.Diagnostics.Should().NotContain(d => d.Severity == Severity.Error);
        engine.Value!.Circulars.Should().Equal("palopo-2021-wfh");
        engine.Value.Name.Should().Be($"vocabulary.wp{Path.PathSeparator}palopo.wp");
        var missing = () => RuleSource.FromResource(typeof(PublicJobsTests).Assembly, "no.such.wp");
        missing.Should().Throw<ArgumentException>().WithMessage("*has no embedded resource 'no.such.wp'*");
        using var facts = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("regions: { kota-palopo: { ppkm: [ { from: 2021-07-26, level: 4 } ] } }\nunits: [ { id: u, region: kota-palopo, kind: dinas, agency: disdik } ]\nemployees: [ { id: e, unit: u, employment: pns, position: pelaksana } ]\n"));
        var read = engine.Value.Facts.Read("stream", facts);
        read.Diagnostics.Should().BeEmpty();
        engine.Value.Decide(read.Value!, "e", Fri).Mode.Should().Be(WorkMode.Rotation);
    }

    [Fact]
    public void Rule_files_format_and_convert_through_the_library()
    {
        var dir = Directory.CreateTempSubdirectory("wp-rulefiles-");
        try
        {
            var file = Path.Combine(dir.FullName, "palopo.wp");
            var canonical = File.ReadAllText(Path.Combine(Circulars, "palopo.wp"));
            File.WriteAllText(file, canonical.Replace("\n  ", "\n      "));
            RuleFiles.Format([file], checkOnly: true).Unformatted.Should().Equal(file);
            var formatted = RuleFiles.Format([file]);
            formatted.Formatted.Should().Equal(file);
            formatted.Succeeded.Should().BeTrue();
            File.ReadAllText(file).Should().Be(canonical);
            RuleFiles.FormatText(file, "# why\n" + canonical.Replace("\n  ", "\n   ")).Value.Should().Be("# why\n" + canonical, "comments are kept where they were");
            RuleFiles.FormatText(file, canonical).Value.Should().BeNull("it is canonical already");
            var yaml = RuleFiles.Convert(file, RuleEncoding.Yaml, Path.Combine(dir.FullName, "palopo.yaml"));
            yaml.Value.Should().Contain("id: palopo-2021-wfh");
            RuleFiles.IsRuleFile(file).Should().BeTrue();
            RuleFiles.IsRuleFile("staff.facts.yaml").Should().BeFalse();
            RuleFiles.IsTestFile("palopo.tests.yaml").Should().BeTrue();
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Lists_and_reports_compare_by_content_and_print_their_items()
    {
        ValueList<string> a = ["x", "y"];
        ValueList<string> b = System.Collections.Immutable.ImmutableArray.Create("x", "y");
        (a == b).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
        a.ToString().Should().Be("[x, y]");
        default(ValueList<string>).Count.Should().Be(0);
        var check = PolicyAnalysis.Check([Circulars]);
        check.Should().Be(PolicyAnalysis.Check([Circulars]));
        using var json = JsonDocument.Parse(check.ToJson());
        json.RootElement.GetProperty("warnings").GetInt32().Should().Be(check.Warnings);
        json.RootElement.GetProperty("diagnostics").GetArrayLength().Should().Be(check.Diagnostics.Count);
    }
}

/// <summary>Every sample folder's analysts' tests pass through the library (CI runs them through the command too).</summary>
public class SampleAnalystTests
{
    [Theory]
    [InlineData("national")]
    [InlineData("depok")]
    [InlineData("boyolali")]
    [InlineData("cirebon")]
    [InlineData("kendari")]
    [InlineData("kendari/by-rank")]
    [InlineData("combined")]
    [InlineData("readings")]
    public void The_cases_of_each_sample_folder_pass(string folder)
    {
        var report = AnalystTests.Run([Repo.Path("samples", "circulars", folder)]);
        report.Cases.Should().NotBeEmpty();
        report.Failed.Should().Be(0, report.ToString());
    }
}
