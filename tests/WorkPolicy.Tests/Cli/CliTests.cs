using System.Text.Json;
using FluentAssertions;
using Xunit;

namespace WorkPolicy.Tests;

public sealed class CliTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("wp-cli-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => Shell.Run(args);

    private static string Samples => Repo.Path("samples", "circulars");
    private static string Facts => Repo.Path("samples", "facts", "sample.facts.yaml");

    [Fact]
    public void Check_of_both_sample_folders_is_clean()
    {
        var (code, output, err) = Run("check", Samples, Path.Combine(Samples, "yaml"), Facts);
        // The one warning, in each encoding: Paser leaves kontrak/honorer staff out, as its ambiguity note says.
        err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2).And.OnlyContain(l =>
            l.Contains("warning WP0316: no provision of circular 'paser-2020-wfh' decides when employee.employment = kontrak"));
        code.Should().Be(0);
        output.Should().Contain("0 error(s), 2 warning(s)");
    }

    [Fact]
    public void Check_reports_diagnostics_in_compiler_format_and_exits_1()
    {
        var bad = Path.Combine(_temp, "bad.wp");
        File.WriteAllText(bad, "circular c {\n  number \"1\"\n  issuer \"x\"\n  region kota-palopoo\n  period from 2021-07-01\n}\n");
        File.Copy(Path.Combine(Samples, "vocabulary.wp"), Path.Combine(_temp, "vocabulary.wp"));
        var (code, _, err) = Run("check", bad);
        code.Should().Be(1);
        err.Trim().Should().Be($"{bad}(1,1): error WP0307: circular 'c' names region 'kota-palopoo', which no vocabulary declares (did you mean 'kota-palopo'?)");
    }

    [Fact]
    public void Wrong_usage_exits_2()
    {
        Run("eval", Samples, "--facts", Facts, "--on", "2021-02-30").Code.Should().Be(2);
        Run("eval", Samples, "--on", "2021-07-30").Code.Should().Be(2);
        Run("frobnicate").Code.Should().Be(2);
        // Asking help of a verb that does not exist is no help: a usage error naming the verbs there are.
        var (code, output, err) = Run("frobnicate", "--help");
        code.Should().Be(2);
        output.Should().BeEmpty();
        err.Should().Contain("'frobnicate' is not a command").And.Contain("eval");
        Run("eval", "--help").Code.Should().Be(0);
        Run("eval", Samples, "--facts", Facts, "--on", "2021-07-30", "--format", "xml").Code.Should().Be(2);
        // A misspelled option lands among the paths: said as an option, not as a file that is missing.
        var (misspelled, _, misspelledErr) = Run("attendance", Samples, "--facts", Facts, "--from", "2021-07-26", "--to", "2021-07-30", "--attendance", Facts);
        misspelled.Should().Be(2);
        misspelledErr.Should().StartWith("workpolicy: '--attendance' is not an option of this command").And.NotContain("WP0001");
    }

    [Fact]
    public void Eval_json_has_the_decisions_shape()
    {
        var (code, output, err) = Run("eval", Samples, "--facts", Facts, "--on", "2021-07-30", "--format", "json");
        err.Should().BeEmpty();
        code.Should().Be(0);
        using var doc = JsonDocument.Parse(output);
        var decisions = doc.RootElement.GetProperty("decisions").EnumerateArray().ToList();
        decisions.Should().HaveCount(12);
        var e1 = decisions.Single(d => d.GetProperty("employee").GetString() == "e-001");
        e1.GetProperty("date").GetString().Should().Be("2021-07-30");
        e1.GetProperty("mode").GetString().Should().Be("rotation");
        e1.GetProperty("circulars").EnumerateArray().Select(c => c.GetString()).Should().Equal("palopo-2021-wfh");
        var first = e1.GetProperty("provisions")[0];
        first.GetProperty("id").GetString().Should().Be("p1-rotation");
        first.GetProperty("cite").GetString().Should().Contain("point 1");
        var checkIn = e1.GetProperty("obligations").EnumerateArray().Single(o => o.GetProperty("kind").GetString() == "check-in");
        checkIn.GetProperty("channel").GetString().Should().Be("whatsapp");
        checkIn.GetProperty("zone").GetString().Should().Be("Asia/Makassar");
        checkIn.GetProperty("windows")[1].GetProperty("from").GetString().Should().Be("11:30");
        e1.GetProperty("pool").GetProperty("unit").GetString().Should().Be("disdik-plp");
        e1.GetProperty("pool").GetProperty("quota").GetProperty("percent").GetDecimal().Should().Be(25);
        var e5 = decisions.Single(d => d.GetProperty("employee").GetString() == "e-005");
        // An obligation alone never makes a decision indeterminate: the rotation stands, the ASN's check-in is pending.
        e5.GetProperty("mode").GetString().Should().Be("rotation");
        e5.GetProperty("obligations").EnumerateArray().Single(o => o.GetProperty("kind").GetString() == "check-in").GetProperty("pending").GetBoolean().Should().BeTrue();
        e5.GetProperty("unknown").EnumerateArray().Select(u => u.GetString()).Should().Equal("employees[e-005].employment");
    }

    [Fact]
    public void Eval_over_a_range_for_one_employee_is_deterministic()
    {
        var a = Run("eval", Samples, "--facts", Facts, "--from", "2021-07-28", "--to", "2021-08-03", "--employee", "e-101");
        var b = Run("eval", Samples, "--facts", Facts, "--from", "2021-07-28", "--to", "2021-08-03", "--employee", "e-101");
        a.Code.Should().Be(0);
        a.Out.Should().Be(b.Out);
        a.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(8, "a header and seven days");
        a.Out.Should().Contain("2021-07-31  day-off");
    }

    [Fact]
    public void Explain_shows_what_overrode_what()
    {
        var (code, output, _) = Run("explain", Samples, "--facts", Facts, "--employee", "e-104", "--on", "2021-07-30");
        code.Should().Be(0);
        output.Should().StartWith("e-104 on 2021-07-30 (Friday): office");
        output.Should().Contain("[applied] luwu-utara-2021-wfh/exempt-kecamatan-kelurahan");
        output.Should().Contain("[overridden] luwu-utara-2021-wfh/pelaksana-half: would decide rotation; overridden by exempt-kecamatan-kelurahan");
        output.Should().Contain("[not in force] palopo-2021-wfh");
    }

    [Fact]
    public void Fmt_rewrites_to_canonical_layout_and_check_reports_it()
    {
        var file = Path.Combine(_temp, "c.wp");
        var canonical = File.ReadAllText(Path.Combine(Samples, "palopo.wp"));
        File.WriteAllText(file, canonical.Replace("\n  ", "\n      ").Replace("\n", "\r\n"));
        Run("fmt", "--check", file).Code.Should().Be(1);
        var (code, output, _) = Run("fmt", file);
        code.Should().Be(0);
        output.Should().Contain("formatted");
        File.ReadAllText(file).Should().Be(canonical);
        Run("fmt", "--check", file).Code.Should().Be(0);
        Directory.GetFiles(_temp).Should().ContainSingle("no temporary file is left behind");
    }

    [Fact]
    public void Fmt_never_touches_a_file_with_errors_or_comments()
    {
        var broken = Path.Combine(_temp, "broken.wp");
        const string brokenText = "circular c {\n  number \"1\"\n";
        File.WriteAllText(broken, brokenText);
        Run("fmt", broken).Code.Should().Be(1);
        File.ReadAllText(broken).Should().Be(brokenText);

        // Comments are laid out with the declaration they precede, and kept.
        var commented = Path.Combine(_temp, "commented.wp");
        var canonical = File.ReadAllText(Path.Combine(Samples, "palopo.wp"));
        File.WriteAllText(commented, "# keep me\n" + canonical.Replace("\n  ", "\n    ").Replace("  provision p2-critical-service {", "# why p2\n  provision p2-critical-service {"));
        var (code, _, err) = Run("fmt", commented);
        code.Should().Be(0);
        err.Should().BeEmpty();
        File.ReadAllText(commented).Should().Be("# keep me\n" + canonical.Replace("  provision p2-critical-service {", "  # why p2\n  provision p2-critical-service {"));
    }

    [Fact]
    public void Compile_prints_the_rules_as_CSharp_the_engine_accepts()
    {
        var (code, output, err) = Run("compile", Samples, "--namespace", "App.Rules", "--class", "SampleRules");
        err.Should().BeEmpty();
        code.Should().Be(0);
        output.Should().Be(RuleCompiler.EmitCSharp(PolicyEngine.Load(Samples).Value!, "App.Rules", "SampleRules"));
        output.Should().Contain("public sealed class SampleRules : global::WorkPolicy.Compiled.CompiledRuleSet");
        var (bad, _, badErr) = Run("compile", Samples, "--namespace", "App Rules");
        bad.Should().Be(2);
        badErr.Should().Be("workpolicy: 'App Rules' is not a C# namespace name" + Environment.NewLine);
        var (broken, brokenOut, brokenErr) = Run("compile", Facts, "--namespace", "App");
        broken.Should().Be(1);
        brokenOut.Should().BeEmpty();
        brokenErr.Should().Contain("error WP0204");
    }

    [Fact]
    public void A_file_a_verb_cannot_write_is_WP0007_at_its_path_not_an_internal_error()
    {
        var missing = Path.Combine(_temp, "no-such-folder", "out.cs");
        foreach (var (args, path, why) in new (string[], string, string)[]
        {
            (["compile", Samples, "--namespace", "App", "-o", _temp], _temp, "it is a folder"),
            (["compile", Samples, "--namespace", "App", "-o", missing], missing, "there is no folder"),
            (["convert", Path.Combine(Samples, "luwu-utara.wp"), "--to", "yaml", "-o", _temp], _temp, "it is a folder"),
            (["generate", "--employees", "3", "-o", missing], missing, "there is no folder"),
        })
        {
            var (code, _, err) = Run(args);
            code.Should().Be(1, string.Join(' ', args));
            err.Trim().Should().StartWith($"{path}(1,1): error WP0007: cannot write file: {why}", string.Join(' ', args));
        }
        File.Exists(missing).Should().BeFalse();
        RuleFiles.Write(Path.Combine(_temp, "written.txt"), w => w.Write("x")).Should().BeEmpty();
        File.ReadAllText(Path.Combine(_temp, "written.txt")).Should().Be("x");
    }

    [Fact]
    public void Records_that_cannot_be_opened_are_said_in_one_line_and_a_password_is_not_repeated()
    {
        var notADatabase = Path.Combine(_temp, "not-records.db");
        File.WriteAllText(notADatabase, "root:x:0:0:root:/root:/bin/bash\n");
        var foreign = Path.Combine(_temp, "someone-elses.db");
        using (var other = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={foreign};Pooling=False"))
        {
            other.Open();
            using var create = other.CreateCommand();
            create.CommandText = "CREATE TABLE payroll (id TEXT)";
            create.ExecuteNonQuery();
        }
        var foreignBytes = File.ReadAllBytes(foreign);
        const string unreachable = "Host=127.0.0.1;Port=1;Username=x;Password=hunter2;Database=y;Timeout=3";
        foreach (var (args, says) in new (string[], string)[]
        {
            (["records", "export", notADatabase], $"cannot open the records file '{notADatabase}': SQLite Error 26"),
            (["replay", notADatabase, Samples], $"cannot open the records file '{notADatabase}': SQLite Error 26"),
            (["records", "export", unreachable], "cannot open the records in PostgreSQL: "),
            (["records", "export", foreign], $"cannot open the records file '{foreign}': not a records database"),
        })
        {
            var (code, output, err) = Run(args);
            code.Should().Be(1, string.Join(' ', args));
            output.Should().BeEmpty();
            err.Trim().Split('\n').Should().ContainSingle().Which.Should().StartWith("workpolicy: " + says);
            err.Should().NotContain("hunter2");
        }
        File.ReadAllText(notADatabase).Should().StartWith("root:x", "a file that is not a database is left as it was");
        File.ReadAllBytes(foreign).Should().Equal(foreignBytes, "another application's database is left as it was");
    }

    [Fact]
    public void What_would_act_on_a_terminal_is_printed_as_an_escape_and_JSON_keeps_the_value()
    {
        // An HR export whose ids hold an escape sequence (setting the terminal's title) and a right-to-left override.
        var facts = Path.Combine(_temp, "hostile.facts.json");
        File.WriteAllText(facts, """
            {"units":[{"id":"u-1","region":"kota-palopo","kind":"dinas","agency":"disdik"}],
             "employees":[{"id":"e\u001b]0;pwned\u0007x","unit":"u-1","employment":"pns","position":"pelaksana"},
                          {"id":"e\u202egnp.exe","unit":"u-1","employment":"pns","position":"pelaksana"},
                          {"id":"e-3\rALL DECIDED","unit":"u-1","employment":"pns","position":"pelaksana"}]}
            """);
        var (code, output, err) = Run("eval", Samples, "--facts", facts, "--on", "2021-07-30");
        code.Should().Be(0, err);
        output.Should().Contain("e\\u001B]0;pwned\\u0007x", err).And.Contain("e\\u202Egnp.exe");
        output.Should().Contain("e-3\\u000DALL DECIDED");
        output.Should().NotContainAny("\u001b", "\u0007", "\u202e", "\r");
        // Line ends stay line ends, whether written whole or a character at a time.
        var lines = new StringWriter();
        var printable = new WorkPolicy.Cli.Output.PrintableWriter(lines);
        printable.Write("a\r\nb\tc\rd\r");
        printable.Write('\n');
        printable.Write('\u001b');
        lines.ToString().Should().Be("a\r\nb\tc\\u000Dd\r\n\\u001B");
        var (_, json, _) = Run("eval", Samples, "--facts", facts, "--on", "2021-07-30", "--format", "json");
        System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("decisions")[0].GetProperty("employee").GetString().Should().Be("e\u001b]0;pwned\u0007x");
    }

    [Fact]
    public void Convert_prints_the_yaml_twin()
    {
        // Written beside its twin, the file names the repository's schema as the twin does.
        var twin = Path.Combine(Samples, "yaml", "converted.tmp.yaml");
        try
        {
            var (code, _, _) = Run("convert", Path.Combine(Samples, "luwu-utara.wp"), "--to", "yaml", "-o", twin);
            code.Should().Be(0);
            File.ReadAllText(twin).Should().Be(File.ReadAllText(Path.Combine(Samples, "yaml", "luwu-utara.yaml")));
        }
        finally
        {
            File.Delete(twin);
        }
        // Elsewhere it names the schema as seen from there, never a path that is right only inside samples/.
        var elsewhere = Path.Combine(_temp, "out", "luwu-utara.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(elsewhere)!);
        Run("convert", Path.Combine(Samples, "luwu-utara.wp"), "--to", "yaml", "-o", elsewhere).Code.Should().Be(0);
        var schema = File.ReadLines(elsewhere).First();
        schema.Should().StartWith("# yaml-language-server: $schema=").And.EndWith("schemas/rules.schema.json");
        var target = schema["# yaml-language-server: $schema=".Length..];
        Path.IsPathRooted(target).Should().BeFalse("the schema is named relative to the output file, not by a path of the build folder");
        File.Exists(Path.Combine(Path.GetDirectoryName(elsewhere)!, target)).Should().BeTrue(target);
        var back = Run("convert", Path.Combine(Samples, "yaml", "luwu-utara.yaml"), "--to", "dsl");
        back.Out.Should().Be(File.ReadAllText(Path.Combine(Samples, "luwu-utara.wp")));
    }

    [Fact]
    public void Bad_facts_are_reported_and_nothing_is_evaluated()
    {
        var facts = Path.Combine(_temp, "bad.facts.yaml");
        File.WriteAllText(facts, "units: [ { id: u, region: kota-palopo, kind: dinass } ]\nemployees: [ { id: e, unit: u } ]\n");
        var (code, output, err) = Run("eval", Samples, "--facts", facts, "--on", "2021-07-30");
        code.Should().Be(1);
        output.Should().BeEmpty();
        err.Should().Contain("(1,46): error WP0304: 'dinass' is not a code of 'unit.kind' (did you mean 'dinas'?)");
    }

    [Fact]
    public void Eval_streams_the_facts_and_says_so_when_it_must_hold_the_employees()
    {
        var last = Path.Combine(_temp, "last.facts.yaml");
        File.WriteAllText(last, "units: [ { id: u, region: kota-palopo, kind: dinas } ]\nemployees:\n  - { id: a, unit: u, employment: pns }\n  - { id: b, unit: uu, employment: pns }\n  - { id: c, unit: u, employment: honorer }\n");
        var (code, output, err) = Run("eval", Samples, "--facts", last, "--on", "2021-07-30", "--verbose");
        // One employee names no unit of the file: reported and left out, the others decided, the exit code says so.
        code.Should().Be(1);
        output.Should().Contain("a  ").And.Contain("c  ").And.NotContain("\nb  ");
        err.Should().Contain("streamed; 2 employees read and decided").And.Contain("(4,20): error WP0404");
        var first = Path.Combine(_temp, "first.facts.yaml");
        File.WriteAllText(first, "employees:\n  - { id: a, unit: u, employment: pns }\nunits: [ { id: u, region: kota-palopo, kind: dinas } ]\n");
        var held = Run("eval", Samples, "--facts", first, "--on", "2021-07-30", "--verbose");
        held.Code.Should().Be(0);
        held.Err.Should().Contain("the employees were held in memory");
        Run("eval", Samples, "--facts", first, "--on", "2021-07-30").Err.Should().BeEmpty("only --verbose says how the facts were read");
    }

    [Fact]
    public void Invalid_utf8_is_reported_with_its_position()
    {
        var file = Path.Combine(_temp, "latin1.wp");
        File.WriteAllBytes(file, [.. "circular c {\n  title \""u8, 0xE9, .. "\"\n}\n"u8]);
        var (code, _, err) = Run("check", file);
        code.Should().Be(1);
        err.Should().Contain("(2,10): error WP0003");
    }

    [Fact]
    public void Compare_holds_a_circular_as_issued_against_it_as_amended()
    {
        var national = Path.Combine(Samples, "national");
        var amended = string.Join(Path.PathSeparator, new[] { "se-23-2021", "se-24-2021", "se-25-2021" }.Select(f => Path.Combine(national, f + ".wp")));
        var (code, output, err) = Run("compare", Path.Combine(national, "se-23-2021.wp"), amended,
            "--facts", Path.Combine(Repo.Path("samples", "facts"), "national.facts.yaml"), "--on", "2021-11-24", "--format", "json");
        err.Should().BeEmpty();
        code.Should().Be(0);
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        var b2 = doc.RootElement.GetProperty("differences").EnumerateArray().Single(d => d.GetProperty("employee").GetString() == "b2");
        (b2.GetProperty("a").GetProperty("mode").GetString(), b2.GetProperty("b").GetProperty("mode").GetString()).Should().Be(("home", "rotation"));
        // Each side shows its pool in full, the quota too.
        b2.GetProperty("a").GetProperty("pool").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        b2.GetProperty("b").GetProperty("pool").GetProperty("quota").GetProperty("percent").GetDecimal().Should().Be(50);
    }
}
