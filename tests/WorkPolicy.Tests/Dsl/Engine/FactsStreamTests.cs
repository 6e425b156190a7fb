using System.Text;
using FluentAssertions;
using NodaTime;
using WorkPolicy.Generation;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>Facts read as a stream (<see cref="PolicyEngine.Facts.Open(string)"/>): the decisions of a whole load, held a block at a time.</summary>
public class FactsStreamTests
{
    private static readonly LocalDate From = new(2021, 7, 29);
    private static readonly LocalDate To = new(2021, 8, 2);
    private static readonly Lazy<PolicyEngine> Engine = new(() => PolicyEngine.Load(Repo.Path("samples", "circulars")).Value!);

    private static List<string> Whole(string name, string text)
    {
        var facts = Engine.Value.Facts.Parse(name, text);
        facts.Diagnostics.Should().BeEmpty();
        return [.. Engine.Value.DecideAll(facts.Value!, From, To).Select(d => PolicyJson.Serialize(d, indented: false))];
    }

    private static (List<string> Decisions, FactsStream Facts) Streamed(string name, Stream stream)
    {
        var opened = Engine.Value.Facts.Open(name, stream);
        opened.Diagnostics.Where(d => d.Severity == Severity.Error).Should().BeEmpty();
        var facts = opened.Value!;
        return ([.. Engine.Value.DecideAll(facts, From, To).Select(d => PolicyJson.Serialize(d, indented: false))], facts);
    }

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_generated_population_streams_to_the_decisions_of_the_whole_load(bool json)
    {
        // More than one block of employees, and a JSON text several times the reader's window.
        var text = FactsGenerator.Generate(json ? 40_000 : 17_000, seed: 5, json);
        var (decisions, facts) = Streamed("generated", Utf8(text));
        facts.Buffered.Should().BeFalse("every key decisions read comes before the employees");
        facts.Diagnostics.Should().BeEmpty();
        decisions.Should().Equal(Whole("generated", text));
        facts.EmployeesRead.Should().Be(json ? 40_000 : 17_000);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_file_without_incidents_is_read_through_once_to_know_none_follow_and_then_streamed(bool json)
    {
        // The look-ahead passes over every employee (several windows of JSON) and finds only check-ins after them.
        var text = FactsGenerator.Generate(json ? 30_000 : 3_000, seed: 8, json);
        // JSON has the key and its list on one line; YAML the key, then its item.
        var line = json ? text.Split('\n').Single(l => l.Contains("positive-case", StringComparison.Ordinal)) : "incidents:\n" + text.Split('\n').Single(l => l.Contains("positive-case", StringComparison.Ordinal));
        var without = text.Replace(line + "\n", "", StringComparison.Ordinal) + (json ? "" : "checkins: []\n");
        without.Should().NotContain("incidents");
        var file = Path.Combine(Path.GetTempPath(), $"wp-no-incidents-{Guid.NewGuid():N}.facts.{(json ? "json" : "yaml")}");
        File.WriteAllText(file, without);
        try
        {
            using var facts = Engine.Value.Facts.Open(file).Value!;
            facts.Buffered.Should().BeFalse();
            Engine.Value.DecideAll(facts, From, To).Select(d => PolicyJson.Serialize(d, indented: false)).Should().Equal(Whole(file, without));
            // With incidents after the employees, the same look-ahead holds them.
            var late = json ? without.Replace("\n]\n}\n", "\n],\n" + line.TrimEnd(',') + "\n}\n", StringComparison.Ordinal) : without + line + "\n";
            File.WriteAllText(file, late);
            using var held = Engine.Value.Facts.Open(file).Value!;
            held.Buffered.Should().BeTrue();
            Engine.Value.DecideAll(held, From, To).Select(d => PolicyJson.Serialize(d, indented: false)).Should().Equal(Whole(file, late));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("sample.facts.yaml")]
    [InlineData("personas.facts.yaml")]
    [InlineData("national.facts.yaml")]
    public void Each_sample_facts_file_streams_from_disk_to_the_decisions_of_the_whole_load(string file)
    {
        var path = Repo.Path("samples", "facts", file);
        using var facts = Engine.Value.Facts.Open(path).Value!;
        var decisions = Engine.Value.DecideAll(facts, From, To).Select(d => PolicyJson.Serialize(d, indented: false)).ToList();
        decisions.Should().Equal(Whole(path, File.ReadAllText(path)));
        facts.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Employees_before_the_units_are_held_and_decided_alike()
    {
        const string units = "units: [ { id: u, region: kota-palopo, kind: dinas } ]\n";
        const string employees = "employees:\n  - { id: a, unit: u, employment: pns, position: pelaksana }\n  - { id: b, unit: u, employment: honorer }\n";
        var first = employees + units;
        var (held, facts) = Streamed("first.yaml", Utf8(first));
        facts.Buffered.Should().BeTrue();
        held.Should().Equal(Whole("first.yaml", first)).And.HaveCount(10);
        // Incidents after the employees change what decisions read: held too, in JSON as in YAML.
        var json = "{\"units\": [{\"id\": \"u\", \"region\": \"kota-palopo\"}], \"employees\": [{\"id\": \"a\", \"unit\": \"u\"}], \"incidents\": []}";
        Streamed("late.json", Utf8(json)).Facts.Buffered.Should().BeTrue();
        // A key that follows but is not read by decisions (check-ins) does not hold them; keys that are absent do not either.
        Streamed("last.yaml", Utf8(units + employees + "checkins: []\n")).Facts.Buffered.Should().BeFalse();
        // A stream that cannot be read twice cannot tell what follows: it holds them unless all four came first.
        Streamed("pipe.yaml", new OneWay(Utf8(units + employees))).Facts.Buffered.Should().BeTrue();
        var complete = "calendar: {}\nregions: {}\nincidents: []\n" + units + employees;
        Streamed("pipe.yaml", new OneWay(Utf8(complete))).Facts.Buffered.Should().BeFalse();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_employee_with_errors_is_reported_where_a_whole_load_reports_it_and_left_out(bool json)
    {
        var text = FactsGenerator.Generate(20_000, seed: 9, json);
        // Spoil two employees far into the text: a unit that is not one, and an id given twice.
        var unit = json ? new System.Text.RegularExpressions.Regex("(\"id\": \"e015000\", \"unit\": \")[^\"]+") : new System.Text.RegularExpressions.Regex("(id: e015000, unit: )[^,]+");
        text = unit.Replace(text, "${1}dinsos-palopoo", 1);
        var twice = json ? "\"id\": \"e019999\"" : "id: e019999";
        text = text.Replace(twice, json ? "\"id\": \"e000001\"" : "id: e000001", StringComparison.Ordinal);
        var whole = Engine.Value.Facts.Parse("spoilt", text);
        whole.Value.Should().BeNull();
        var opened = Engine.Value.Facts.Open("spoilt", Utf8(text));
        using var facts = opened.Value!;
        var decisions = Engine.Value.DecideAll(facts, From, From).ToList();
        facts.HasErrors.Should().BeTrue();
        facts.Diagnostics.Should().Equal(whole.Diagnostics, "the same words at the same lines and columns");
        decisions.Select(d => d.Employee).Should().NotContain("e015000").And.HaveCount(19_998);
    }

    [Fact]
    public void Errors_before_the_employees_refuse_the_stream_and_an_early_end_keeps_what_was_decided()
    {
        var refused = Engine.Value.Facts.Open("bad.yaml", Utf8("units: [ { id: u, region: kota-palopo, kind: dinass } ]\nemployees: [ { id: e, unit: u } ]\n"));
        refused.Value.Should().BeNull();
        refused.Diagnostics.Should().ContainSingle(d => d.Code == "WP0304" && d.Span.Line == 1 && d.Span.Column == 46);
        var text = FactsGenerator.Generate(20_000, seed: 2, json: true);
        var cut = text[..(text.Length * 3 / 4)] + "}";
        using var facts = Engine.Value.Facts.Open("cut.json", Utf8(cut)).Value!;
        var decided = Engine.Value.DecideAll(facts, From, From).Count();
        decided.Should().BeGreaterThan(10_000).And.BeLessThan(20_000);
        facts.Diagnostics.Should().ContainSingle().Which.Message.Should().StartWith("invalid JSON");
        var again = () => Engine.Value.DecideAll(facts, From, From).ToList();
        again.Should().Throw<InvalidOperationException>().WithMessage("*read already*");
    }

    [Fact]
    public void A_yaml_stream_refuses_a_control_character_and_invalid_utf8_where_they_are()
    {
        var control = Engine.Value.Facts.Open("c.yaml", Utf8("units: []\nemployees:\n  - { id: a\u0001, unit: u }\n"));
        var stream = control.Value;
        var diagnostics = stream is null ? control.Diagnostics.Items : Drain(stream);
        diagnostics.Should().ContainSingle(d => d.Code == "WP0003" && d.Span.Line == 3 && d.Span.Column == 12);
        var bytes = new MemoryStream([.. "units: []\nemployees:\n  - { id: "u8, 0xE9, .. ", unit: u }\n"u8]);
        var invalid = Engine.Value.Facts.Open("l.yaml", bytes);
        var found = invalid.Value is { } s ? Drain(s) : invalid.Diagnostics.Items;
        found.Should().ContainSingle(d => d.Code == "WP0003" && d.Span.Line == 3 && d.Span.Column == 11);

        System.Collections.Immutable.ImmutableArray<Diagnostic> Drain(FactsStream facts)
        {
            Engine.Value.DecideAll(facts, From, From).ToList().Should().BeEmpty();
            return facts.Diagnostics;
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Generated_facts_written_as_made_are_the_text_generated_whole(bool json)
    {
        foreach (var employees in new[] { 0, 1, 2_500 })
        {
            var written = new StringWriter { NewLine = "\n" };
            SyntheticFacts.Write(written, employees, seed: 4, json);
            written.ToString().Should().Be(SyntheticFacts.Generate(employees, seed: 4, json));
        }
        var national = () => SyntheticFacts.Write(TextWriter.Null, SyntheticFacts.MaxStreamedEmployees + 1);
        national.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Stopping_early_or_cancelling_ends_cleanly_and_progress_counts_employees()
    {
        var text = FactsGenerator.Generate(40_000, seed: 6, json: true);
        using (var facts = Engine.Value.Facts.Open("early.json", Utf8(text)).Value!)
        {
            // The caller stops after a few: the block being read meanwhile is waited out, nothing is left running.
            Engine.Value.DecideAll(facts, From, To).Take(7).Should().HaveCount(7);
            facts.EmployeesRead.Should().BeInRange(7, 40_000);
        }
        using var cancelled = Engine.Value.Facts.Open("cancel.json", Utf8(text)).Value!;
        using var cancel = new CancellationTokenSource();
        var seen = new List<int>();
        var progress = new Counted(n =>
        {
            seen.Add(n);
            cancel.Cancel();
        });
        var all = () => Engine.Value.DecideAll(cancelled, From, From, cancel.Token, progress).ToList();
        all.Should().Throw<OperationCanceledException>();
        seen.Should().Equal(16_384);
    }

    /// <summary>Progress heard on the caller's thread, as it is reported.</summary>
    private sealed class Counted(Action<int> heard) : IProgress<int>
    {
        public void Report(int value) => heard(value);
    }

    [Fact]
    public void A_missing_file_is_a_diagnostic()
    {
        var opened = Engine.Value.Facts.Open(Path.Combine(Path.GetTempPath(), "no-such-dir-wp", "f.json"));
        opened.Value.Should().BeNull();
        opened.Diagnostics.Should().ContainSingle(d => d.Code == "WP0001").Which.Message.Should().Be("file not found");
        // A folder named where a file goes is said to be one ("file not found" misled: it is there).
        var folder = Engine.Value.Facts.Open(Repo.Path("samples", "facts"));
        folder.Value.Should().BeNull();
        folder.Diagnostics.Should().ContainSingle(d => d.Code == "WP0001").Which.Message.Should().Be("a folder, not a file: name a file in it");
        Engine.Value.Facts.Load(Repo.Path("samples", "facts")).Diagnostics.Should().ContainSingle().Which.Message.Should().StartWith("a folder, not a file");
    }

    /// <summary>A stream that reads forward only, as a pipe or a request body does.</summary>
    private sealed class OneWay(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
