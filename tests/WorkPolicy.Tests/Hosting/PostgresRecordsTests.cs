using FluentAssertions;
using NodaTime;
using WorkPolicy.Hosting;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>
/// The PostgreSQL store against a real server on loopback: <c>.ci/run</c> starts one from Debian's package and sets
/// WORKPOLICY_TEST_POSTGRES (and WORKPOLICY_POSTGRES_TESTS=required, so a missing server fails there). Elsewhere the
/// test says so and passes. Each run works in a database of its own, dropped after.
/// </summary>
public class PostgresRecordsTests
{
    [Fact]
    public async Task Records_go_to_postgres_through_the_group_commit_and_replay_from_there()
    {
        await using var created = await PostgresDatabase.Create();
        if (created is null) return;
        var database = created.ConnectionString;
        var engine = PolicyEngine.Load(Repo.Path("samples", "circulars")).Value!;
        var facts = engine.Facts.Load(Repo.Path("samples", "facts", "sample.facts.yaml")).Value!;
        var at = Instant.FromUtc(2021, 8, 27, 1, 0);
        var records = facts.Employees.SelectMany(e => new[] { new LocalDate(2021, 7, 30), new LocalDate(2021, 8, 27) }
            .Select(d => DecisionRecord.Of(engine, facts, engine.Decide(facts, e, d), at))).ToList();
        var store = new PostgresRecordStore(database);
        var options = Microsoft.Extensions.Options.Options.Create(new WorkPolicyOptions { RecordQueue = 16 });
        await using (var recorder = new DecisionRecorder(store, options, Microsoft.Extensions.Logging.Abstractions.NullLogger<DecisionRecorder>.Instance))
        {
            await recorder.StartAsync(default);
            // Many requests at once, a few records each: committed in groups, each request answered once durable.
            var durable = await Task.WhenAll(records.Chunk(3).Select(chunk => recorder.RecordAsync(chunk)));
            durable.Should().OnlyContain(ok => ok);
            var kept = await store.ReadAsync(new RecordQuery(Limit: 1000));
            kept.Select(r => r.Id).Should().BeEquivalentTo(records.Select(r => r.Id));
            kept.First(r => r.Id == records[0].Id).Should().Be(records[0] with { }, "a record reads back as it was written");
            (await store.ReadAsync(new RecordQuery("e-003", From: new LocalDate(2021, 8, 1)))).Should().ContainSingle().Which.Date.Should().Be(new LocalDate(2021, 8, 27));
            await recorder.StopAsync(default);
        }
        // The records read as a stream from PostgreSQL; --all lists every change before the summary.
        var (code, output, _) = Shell.Run("replay", database, Repo.Path("samples", "circulars", "interpretations", "palopo-leaves-level-iv.wp"), "--all");
        code.Should().Be(0);
        output.Should().Contain("office (p2-critical-service) -> not-covered").And.Contain($"replayed {records.Count} record(s)");
    }

    [Fact]
    public async Task Instances_starting_together_make_the_schema_once()
    {
        await using var created = await PostgresDatabase.Create();
        if (created is null) return;
        // As two `serve` processes behind one balancer do: CREATE TABLE IF NOT EXISTS alone races in PostgreSQL.
        var stores = Enumerable.Range(0, 8).Select(_ => new PostgresRecordStore(created.ConnectionString)).ToList();
        await Task.WhenAll(stores.Select(s => s.InitializeAsync()));
        await using var connection = new Npgsql.NpgsqlConnection(created.ConnectionString);
        await connection.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM workpolicy_schema", connection);
        ((long)(await count.ExecuteScalarAsync())!).Should().Be(1, "one version row");
        foreach (var store in stores) await store.DisposeAsync();
    }
}
