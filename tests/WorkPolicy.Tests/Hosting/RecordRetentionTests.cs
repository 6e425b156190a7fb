using System.Text.Json;
using FluentAssertions;
using NodaTime;
using WorkPolicy.Hosting;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>Records hold personal facts: a retention purges the old ones, and they can be exported as JSON lines.</summary>
public class RecordRetentionTests
{
    private static List<DecisionRecord> Records(params Instant[] answered)
    {
        var engine = PolicyEngine.Load(Repo.Path("samples", "circulars")).Value!;
        var facts = engine.Facts.Load(Repo.Path("samples", "facts", "sample.facts.yaml")).Value!;
        return [.. answered.Select((at, i) => DecisionRecord.Of(engine, facts, engine.Decide(facts, i % 2 == 0 ? "e-001" : "e-003", new LocalDate(2021, 7, 30)), at))];
    }

    [Fact]
    public async Task A_host_with_a_retention_purges_older_records_at_start_and_keeps_the_rest()
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        var records = Records(now - Duration.FromDays(400), now - Duration.FromDays(91), now - Duration.FromDays(89), now);
        await using var host = await ServiceHost.Start(records: true, configure: o => o.Retention = TimeSpan.FromDays(90), beforeStart: async path =>
        {
            await using var store = new SqliteRecordStore(path);
            await store.InitializeAsync();
            await store.WriteAsync(records);
        });
        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonElement kept;
        do
        {
            kept = (await host.Get("/v1/records")).Body.GetProperty("records");
            if (kept.GetArrayLength() == 2) break;
            await Task.Delay(50);
        } while (DateTime.UtcNow < deadline);
        kept.EnumerateArray().Select(r => r.GetProperty("id").GetString()).Should().BeEquivalentTo(records.Skip(2).Select(r => r.Id));
    }

    [Fact]
    public async Task Purge_deletes_exactly_the_records_answered_before_the_cut_off()
    {
        var folder = Directory.CreateTempSubdirectory("wp-purge-").FullName;
        try
        {
            var cut = Instant.FromUtc(2021, 8, 1, 0, 0);
            var records = Records(cut - Duration.FromSeconds(1), cut, cut + Duration.FromMilliseconds(500));
            await using var store = new SqliteRecordStore(Path.Combine(folder, "r.db"));
            await store.InitializeAsync();
            await store.WriteAsync(records);
            (await store.PurgeAsync(cut)).Should().Be(1);
            (await store.ReadAllAsync()).Select(r => r.Id).Should().Equal(records.Skip(1).Select(r => r.Id));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Records_export_writes_one_JSON_object_a_line_oldest_first_with_the_decision_and_facts_as_kept()
    {
        var folder = Directory.CreateTempSubdirectory("wp-export-").FullName;
        try
        {
            var at = Instant.FromUtc(2021, 8, 27, 1, 0);
            var records = Records(at + Duration.FromMinutes(2), at, at + Duration.FromMinutes(1));
            var path = Path.Combine(folder, "r.db");
            await using (var store = new SqliteRecordStore(path))
            {
                await store.InitializeAsync();
                await store.WriteAsync(records);
            }
            var (code, output, err) = Shell.Run("records", "export", path);
            code.Should().Be(0, err);
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lines.Should().HaveCount(3);
            var read = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
            read.Select(r => r.GetProperty("id").GetString()).Should().Equal(records[1].Id, records[2].Id, records[0].Id);
            read[0].GetProperty("decision").GetRawText().Should().Be(records[1].Decision, "the decision as answered, byte for byte");
            read[0].GetProperty("facts").GetProperty("employees")[0].GetProperty("id").GetString().Should().Be(records[1].Employee);
            read[0].GetProperty("date").GetString().Should().Be("2021-07-30");
            Shell.Run("records", "export", Path.Combine(folder, "none.db")).Code.Should().Be(1);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
