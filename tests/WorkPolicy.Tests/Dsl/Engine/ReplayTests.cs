using System.Text.Json;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>
/// Replay in blocks (records with the same surroundings read as one facts document, comparisons remembered by the
/// decisions' text) is an optimisation of the plain replay — each record's facts read alone, both decisions read back
/// from JSON and compared — and must find exactly the same changes, on generated records.
/// </summary>
public class ReplayTests
{
    private static readonly PolicyEngine Issued = PolicyEngine.Load(Repo.Path("samples", "circulars")).Value!;
    private static readonly PolicyEngine Candidate = PolicyEngine.Load(Repo.Path("samples", "circulars", "interpretations", "palopo-leaves-level-iv.wp")).Value!;

    /// <summary>Records of a generated population on days either side of Palopo leaving level IV, with odd ones among them.</summary>
    private static List<DecisionRecord> Records(int employees, int seed)
    {
        var facts = Issued.Facts.Parse("generated", SyntheticFacts.Generate(employees, seed, json: true)).Value!;
        var at = Instant.FromUtc(2021, 8, 27, 1, 0);
        var records = new List<DecisionRecord>();
        var i = 0;
        foreach (var day in new[] { new LocalDate(2021, 7, 30), new LocalDate(2021, 8, 27), new LocalDate(2021, 8, 28) })
            foreach (var employee in facts.Employees)
                records.Add(DecisionRecord.Of(Issued, facts, Issued.Decide(facts, employee, day), at + Duration.FromSeconds(i++)));
        // The same employee and day answered twice; a record whose facts the candidate cannot read; one not of the shape kept.
        records.Add(records[3] with { Id = "again" });
        records.Add(records[5] with { Id = "broken", Facts = System.Text.RegularExpressions.Regex.Replace(records[5].Facts, "\"employment\":\"[^\"]*\"", "\"employment\":\"no-such-employment\"") });
        records.Add(records[7] with { Id = "two", Facts = TwoEmployees(records[7]) });
        return records;
    }

    /// <summary>The record's facts with a second employee beside its own: not the shape kept, so decided alone.</summary>
    private static string TwoEmployees(DecisionRecord record)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(record.Facts)!;
        var employees = node["employees"]!.AsArray();
        var other = employees[0]!.DeepClone();
        other["id"] = "someone-else";
        employees.Add(other);
        return node.ToJsonString();
    }

    /// <summary>The plain replay of one record, the definition the blocks must agree with.</summary>
    private static (string Record, string[] Differs, string Before, string After)? Plain(DecisionRecord record)
    {
        var facts = Candidate.Facts.Parse(record.Id, record.Facts).Value;
        if (facts is null || !Candidate.TryDecide(facts, record.Employee, record.Date, out var now)) return null;
        var before = record.Answered();
        var differs = Output.DecisionDiff.Aspects(before, PolicyJson.Deserialize(PolicyJson.Serialize(now, indented: false)));
        return differs.Count == 0 ? null : (record.Id, [.. differs], PolicyJson.Serialize(before, false), PolicyJson.Serialize(now, false));
    }

    [Theory]
    [InlineData(120, 1)]
    [InlineData(400, 7)]
    public async Task Replay_in_blocks_finds_exactly_the_changes_of_the_plain_replay(int employees, int seed)
    {
        var records = Records(employees, seed);
        var expected = records.Select(Plain).Where(c => c is not null).Select(c => c!.Value).ToList();
        var streamed = new List<ReplayChange>();
        var report = await DecisionReplay.RunAsync(records.ToAsyncEnumerable(), Candidate, streamed.Add);
        streamed.Select(c => (c.Record, c.Differs.ToArray(), PolicyJson.Serialize(c.Before, false), PolicyJson.Serialize(c.After, false)))
            .Should().BeEquivalentTo(expected, o => o.WithStrictOrdering(), "the records' order, the same changes, the same decisions");
        expected.Should().NotBeEmpty();
        report.Total.Should().Be(records.Count);
        report.Changed.Should().Be(expected.Count);
        report.Changes.Should().BeEmpty("a streamed replay keeps examples, not every change");
        report.ByProvision.Sum(g => g.Count).Should().Be(expected.Count);
        report.ByProvision.Should().OnlyContain(g => g.Examples.Count <= DecisionReplay.ExamplesPerProvision && g.Examples.Count > 0);
        report.UnreadableCount.Should().Be(1);
        report.Unreadable.Single().Should().StartWith("broken: ").And.Contain("no-such-employment");
        // The in-memory replay keeps them all, and agrees.
        DecisionReplay.Run(records, Candidate).Changes.Select(c => c.Record).Should().Equal(expected.Select(e => e.Record));
    }

    [Fact]
    public async Task The_JSON_lists_every_change_and_the_table_a_few_per_provision_with_the_count()
    {
        var records = Records(60, 3);
        var json = new StringWriter();
        var report = await DecisionReplay.WriteJsonAsync(records.ToAsyncEnumerable(), Candidate, json);
        using var document = JsonDocument.Parse(json.ToString());
        var root = document.RootElement;
        root.GetProperty("changes").GetArrayLength().Should().Be((int)report.Changed).And.BeGreaterThan(DecisionReplay.ExamplesPerProvision);
        root.GetProperty("changed").GetInt64().Should().Be(report.Changed);
        root.GetProperty("byProvision").EnumerateArray().Sum(g => g.GetProperty("count").GetInt64()).Should().Be(report.Changed);
        root.GetProperty("changes")[0].GetProperty("after").GetProperty("mode").GetString().Should().NotBeNullOrEmpty();
        var table = report.ToString().Split('\n');
        table[0].Should().Be($"replayed {records.Count} record(s) under {Candidate.Revision}: {report.Changed} would change");
        var biggest = report.ByProvision[0];
        table.Should().Contain($"  … and {biggest.Count - biggest.Examples.Count} more (--all or --format json lists every one)");
    }
}
