using FluentAssertions;
using NodaTime;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>
/// Rosters are read as streams, at any size, into a byte per employee and day: <c>roster --check</c> reads the JSON and
/// CSV that <c>roster</c> writes and answers as the check of the same entries in memory; a hostile file gets a bounded
/// list of diagnostics naming lines, and a bounded list of strangers.
/// </summary>
public sealed class RosterFilesAtScaleTests : IDisposable
{
    private static readonly LocalDate Monday = new(2021, 8, 2), Friday = new(2021, 8, 6);
    private readonly string _folder = Directory.CreateTempSubdirectory("wp-roster-files-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (PolicyEngine Engine, PolicyFacts Facts) Population(int employees)
    {
        var engine = PolicyEngine.Load(Repo.Path("samples", "circulars")).Value!;
        var facts = engine.Facts.Parse("staff.yaml", SyntheticFacts.Generate(employees, seed: 5)).Value!;
        return (engine, facts);
    }

    [Fact]
    public void The_json_and_csv_a_roster_writes_are_checked_from_the_file_as_the_same_entries_in_memory()
    {
        var (engine, facts) = Population(3000);
        var plan = engine.Rosters.Plan(facts, Monday, Friday);
        var json = Path.Combine(_folder, "roster.json");
        using (var file = File.Create(json)) plan.WriteJson(file);
        var csv = Path.Combine(_folder, "roster.csv");
        File.WriteAllLines(csv, ["employee,date,place", .. plan.Entries.Select(e => $"{e.Employee},{e.Date:uuuu-MM-dd},{e.Place.ToString().ToLowerInvariant()}")]);

        var inMemory = engine.Rosters.Check(facts, Monday, Friday, plan.Entries);
        inMemory.Holds.Should().BeTrue();
        engine.Rosters.Check(facts, Monday, Friday, json).Value.Should().Be(inMemory);
        engine.Rosters.Check(facts, Monday, Friday, csv).Value.Should().Be(inMemory);
        Rosters.Read(json).Value.Should().Equal(plan.Entries);
        // A place spoiled past the reader's first buffers (the JSON is one line): named at the column its assignment begins.
        var text = File.ReadAllText(json);
        var spoiled = text.LastIndexOf("\"place\":\"", text.IndexOf("\"unassigned\"", StringComparison.Ordinal), StringComparison.Ordinal);
        var begins = text.LastIndexOf('{', spoiled);
        File.WriteAllText(json, text[..spoiled] + "\"place\":\"nowhere" + text[(spoiled + "\"place\":\"".Length)..]);
        engine.Rosters.Check(facts, Monday, Friday, json).Diagnostics.Should().ContainSingle().Which.Span.Should().Be(SourceSpan.At(json, 1, begins + 1));
        using (var file = File.Create(json)) plan.WriteJson(file);

        // Everyone at the office: the same violations from the file as from the entries.
        var office = plan.Entries.Select(e => e with { Place = e.Place == RosterPlace.Off ? RosterPlace.Off : RosterPlace.Office }).ToList();
        File.WriteAllLines(csv, ["employee,date,place", .. office.Select(e => $"{e.Employee},{e.Date:uuuu-MM-dd},{e.Place.ToString().ToLowerInvariant()}")]);
        var broken = engine.Rosters.Check(facts, Monday, Friday, csv).Value!;
        broken.Holds.Should().BeFalse();
        broken.Should().Be(engine.Rosters.Check(facts, Monday, Friday, office));
    }

    [Fact]
    public void A_hostile_file_gets_a_bounded_list_of_diagnostics_naming_lines_and_a_bounded_list_of_strangers()
    {
        var (engine, facts) = Population(50);
        var csv = Path.Combine(_folder, "bad.csv");
        File.WriteAllLines(csv, ["employee,date,place", .. Enumerable.Range(0, 500).Select(i => $"e-{i},2021-08-0{i % 9 + 1},\u001b[31mnowhere")]);
        var bad = engine.Rosters.Check(facts, Monday, Friday, csv);
        bad.Value.Should().BeNull();
        bad.Diagnostics.Should().HaveCount(101);
        bad.Diagnostics[0].ToString().Should().Contain("bad.csv(2,").And.Contain("\\u001B[31mnowhere").And.NotContain("\u001b");
        bad.Diagnostics[^1].Message.Should().Contain("400 more");

        var strangers = Path.Combine(_folder, "strangers.csv");
        File.WriteAllLines(strangers, ["employee,date,place", .. Enumerable.Range(0, 1500).Select(i => $"nobody-{i},2021-08-02,office")]);
        var report = engine.Rosters.Check(facts, Monday, Friday, strangers).Value!;
        report.Strangers.Should().HaveCount(1001);
        report.Strangers[^1].Should().Be("… and 500 more");

        var huge = Path.Combine(_folder, "long.json");
        File.WriteAllText(huge, "{\"assignments\":[{\"employee\":\"" + new string('x', 2 << 20) + "\"}]}");
        engine.Rosters.Check(facts, Monday, Friday, huge).Diagnostics.Should().ContainSingle(d => d.Message.Contains("longer than 1024 KiB"));
        // A line of 3 MB is passed over, not held whole; an assignment that is not valid is named at its line and column.
        var longLine = Path.Combine(_folder, "long.csv");
        File.WriteAllText(longLine, "employee,date,place\ne-1,2021-08-02,office\n" + new string('x', 3 << 20) + "\ne-2,2021-08-02,office\n");
        engine.Rosters.Check(facts, Monday, Friday, longLine).Diagnostics.Should().ContainSingle()
            .Which.ToString().Should().Contain("long.csv(3,1)").And.Contain("longer than 65,536 characters");
        var invalid = Path.Combine(_folder, "invalid.json");
        File.WriteAllText(invalid, "{\"assignments\": [\n  {\"employee\": \"e-1\", \"date\": \"2021-08-02\", \"place\": \"office\"},\n  {\"employee\": \"e-2\", \"date\": \"2021-13-02\", \"place\": \"office\"}\n]}");
        engine.Rosters.Check(facts, Monday, Friday, invalid).Diagnostics.Should().ContainSingle()
            .Which.Span.Should().Be(new SourceSpan(invalid, 3, 3, 3, 3));
        var notJson = Path.Combine(_folder, "array.json");
        File.WriteAllText(notJson, "{\"assignments\": [ {\"employee\": \"e-1\", ");
        engine.Rosters.Check(facts, Monday, Friday, notJson).Diagnostics.Should().ContainSingle(d => d.Code == "WP0002" || d.Message.StartsWith("not a roster", StringComparison.Ordinal));

        // A place given twice for one employee and day is an error at the second (which is meant is not known), in CSV
        // and JSON, whether the places differ or not; bytes that are not UTF-8 are an error at their line and column,
        // not characters put in their place (they read as an employee '��' before).
        var (a, b) = (facts.Employees[0], facts.Employees[1]);
        var twice = Path.Combine(_folder, "twice.csv");
        File.WriteAllText(twice, $"employee,date,place\n{a},2021-08-02,office\n{b},2021-08-02,home\n{a},2021-08-02,home\n{b},2021-08-02,home\n");
        engine.Rosters.Check(facts, Monday, Friday, twice).Diagnostics.Select(d => (d.Code, d.Span.Line, d.Span.Column)).Should().Equal(("WP0203", 4, 1), ("WP0203", 5, 1));
        var twiceJson = Path.Combine(_folder, "twice.json");
        File.WriteAllText(twiceJson, $"{{\"assignments\": [\n  {{\"employee\": \"{a}\", \"date\": \"2021-08-02\", \"place\": \"office\"}},\n  {{\"employee\": \"{a}\", \"date\": \"2021-08-02\", \"place\": \"home\"}}\n]}}");
        engine.Rosters.Check(facts, Monday, Friday, twiceJson).Diagnostics.Should().ContainSingle()
            .Which.Span.Should().Be(new SourceSpan(twiceJson, 3, 3, 3, 3));
        Rosters.Read(twice).Diagnostics.Should().HaveCount(2).And.OnlyContain(d => d.Code == "WP0203");
        var latin1 = Path.Combine(_folder, "latin1.csv");
        File.WriteAllBytes(latin1, [.. "employee,date,place\ne-1,2021-08-02,office\nJos"u8, 0xE9, .. ",2021-08-02,home\n"u8]);
        engine.Rosters.Check(facts, Monday, Friday, latin1).Diagnostics.Should().ContainSingle()
            .Which.Should().Match<Diagnostic>(d => d.Code == "WP0003" && d.Span.Line == 3 && d.Span.Column == 4);
        // A roster saved as UTF-16 (what "Unicode text" exports write) is said to be not UTF-8, not "a control character";
        // a NUL in UTF-8 text still ends the reading as binary.
        var utf16 = Path.Combine(_folder, "utf16.csv");
        File.WriteAllText(utf16, "employee,date,place\ne-1,2021-08-02,office\n", System.Text.Encoding.Unicode);
        engine.Rosters.Check(facts, Monday, Friday, utf16).Diagnostics.Should().ContainSingle()
            .Which.Should().Match<Diagnostic>(d => d.Message.Contains("not valid UTF-8") && d.Span.Line == 1 && d.Span.Column == 1);
        var binary = Path.Combine(_folder, "binary.csv");
        File.WriteAllBytes(binary, [.. "employee,date,place\ne-1,2021-08-02,office\ne-2"u8, 0, .. ",2021-08-02,office\ne-3,2021-08-02,home\n"u8]);
        engine.Rosters.Check(facts, Monday, Friday, binary).Diagnostics.Should().ContainSingle()
            .Which.Should().Match<Diagnostic>(d => d.Message.Contains("U+0000") && d.Span.Line == 3);
        var unicode = Path.Combine(_folder, "unicode.csv");
        File.WriteAllText(unicode, "employee,date,place\nnobody-é,2021-08-02,office\n");
        engine.Rosters.Check(facts, Monday, Friday, unicode).Value!.Strangers.Should().Equal("nobody-é");
    }
}
