using FluentAssertions;
using NodaTime;
using WorkPolicy.Hosting;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>
/// A SQLite store's records land in its landing log first and are copied into the table after: what landed is in the
/// table once a store opens it again — exactly once, never a torn frame, never a purged record — and a second process on
/// the same store goes to the table directly.
/// </summary>
public sealed class RecordLandingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wp-landing-").FullName;
    private string Database => Path.Combine(_folder, "records.db");

    private static readonly Lazy<(PolicyEngine Engine, PolicyFacts Facts)> Samples = new(() =>
    {
        var engine = PolicyEngine.Load(Repo.Path("samples", "circulars")).Value!;
        return (engine, engine.Facts.Load(Repo.Path("samples", "facts", "sample.facts.yaml")).Value!);
    });

    /// <summary><paramref name="count"/> records of the sample employees, a millisecond apart from <paramref name="first"/>.</summary>
    private static List<DecisionRecord> Records(int count, Instant first)
    {
        var (engine, facts) = Samples.Value;
        var employees = facts.Employees;
        return [.. Enumerable.Range(0, count).Select(i => DecisionRecord.Of(engine, facts,
            engine.Decide(facts, employees[i % employees.Count], new LocalDate(2021, 7, 26).PlusDays(i % 5)), first + Duration.FromMilliseconds(i)))];
    }

    /// <summary>Lands batches as a serving process would, and stops before any of them is copied (as a kill would).</summary>
    private void Land(params IReadOnlyList<DecisionRecord>[] batches)
    {
        using var log = RecordLandingLog.TryOpen(Database)!;
        log.Recover(LandingPosition.None);
        foreach (var batch in batches)
        {
            if (!log.Fits(batch)) log.Turn();
            log.Append();
        }
    }

    private async Task<List<string>> Kept()
    {
        await using var store = new SqliteRecordStore(Database);
        await store.InitializeAsync();
        return [.. (await store.ReadAllAsync()).Select(r => r.Id)];
    }

    [Fact]
    public async Task Batches_landed_and_never_copied_are_in_the_table_at_the_next_start_exactly_once()
    {
        var at = Instant.FromUtc(2021, 7, 30, 1, 0);
        var first = Records(3, at);
        var second = Records(2, at + Duration.FromSeconds(1));
        Land(first, second);

        (await Kept()).Should().Equal(first.Concat(second).Select(r => r.Id), "each landed batch is copied, in the order answered");
        (await Kept()).Should().HaveCount(5, "a second start finds the mark past them and copies nothing again");
    }

    [Fact]
    public async Task The_landing_files_are_the_owners_alone()
    {
        if (OperatingSystem.IsWindows()) return;
        await using var store = new SqliteRecordStore(Database);
        await store.InitializeAsync();
        foreach (var file in RecordLandingLog.PathsOf(Database))
            File.GetUnixFileMode(file).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite, "they hold the same personal facts as the database");
    }

    [Fact]
    public async Task A_torn_frame_is_not_read_and_the_frames_before_it_are()
    {
        var at = Instant.FromUtc(2021, 7, 30, 1, 0);
        var whole = Records(2, at);
        var torn = Records(2, at + Duration.FromSeconds(1));
        Land(whole, torn);
        // A crash in the middle of the second frame's write: its last bytes never reached the disk.
        var file = RecordLandingLog.PathsOf(Database)[1];
        var bytes = File.ReadAllBytes(file);
        var secondFrameEnd = Array.FindLastIndex(bytes, b => b != 0);
        bytes[secondFrameEnd] ^= 0xFF;
        File.WriteAllBytes(file, bytes);

        (await Kept()).Should().Equal(whole.Select(r => r.Id));
    }

    [Fact]
    public async Task A_database_restored_from_before_its_log_takes_the_log_without_doubling_a_record()
    {
        // The rows are in the table already (written by a process that went to the table directly, as after a restore
        // from a backup older than the log: no mark), and the same batch is landed: the copy at start meets them.
        var records = Records(3, Instant.FromUtc(2021, 7, 30, 1, 0));
        await using (var owner = new SqliteRecordStore(Database))
        {
            await owner.InitializeAsync();
            await using var direct = new SqliteRecordStore(Database);
            await direct.InitializeAsync();
            await direct.WriteAsync(records);
        }
        Land(records, Records(1, Instant.FromUtc(2021, 7, 30, 2, 0)));

        var kept = await Kept();
        kept.Should().HaveCount(4).And.OnlyHaveUniqueItems();
        kept.Take(3).Should().Equal(records.Select(r => r.Id));
    }

    [Fact]
    public async Task A_copy_that_cannot_be_made_is_said_to_whoever_waits_for_it_and_made_once_it_can()
    {
        var records = Records(2, Instant.FromUtc(2021, 7, 30, 1, 0));
        await using var store = new SqliteRecordStore(Database);
        await store.InitializeAsync();
        // Another connection holds the database's write lock past the store's busy timeout (5 s): the copy fails.
        await using (var blocker = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Database};Pooling=False"))
        {
            await blocker.OpenAsync();
            await using var hold = blocker.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE";
            await hold.ExecuteNonQueryAsync();
            await store.WriteAsync(records);   // landed: durable, whatever the table's state
            var read = () => store.ReadAllAsync();
            (await read.Should().ThrowAsync<IOException>()).Which.Message.Should().Contain("kept in the landing log");
            hold.CommandText = "ROLLBACK";
            await hold.ExecuteNonQueryAsync();
        }
        // Tried again a second later: the read waits for it and sees the records.
        (await store.ReadAllAsync()).Select(r => r.Id).Should().Equal(records.Select(r => r.Id));
    }

    [Fact]
    public async Task The_service_answers_503_for_records_it_cannot_copy_now()
    {
        string? records = null;
        await using var host = await ServiceHost.Start(records: true, beforeStart: path => { records = path; return Task.CompletedTask; });
        await using var blocker = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={records};Pooling=False");
        await blocker.OpenAsync();
        await using var hold = blocker.CreateCommand();
        hold.CommandText = "BEGIN IMMEDIATE";
        await hold.ExecuteNonQueryAsync();
        // The answer is durable once landed; the copy into the table waits for the lock, past the busy timeout.
        (await host.Post("/v1/decide", new { on = "2021-07-30", employees = new[] { "e-001" } })).Status.Should().Be(200);
        var (status, body) = await host.Get("/v1/records");
        status.Should().Be(503);
        body.GetProperty("title").GetString().Should().Contain("cannot be read now");
        hold.CommandText = "ROLLBACK";
        await hold.ExecuteNonQueryAsync();
        (await host.Get("/v1/records")).Body.GetProperty("records").GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task A_purged_record_is_not_brought_back_from_the_log()
    {
        var at = Instant.FromUtc(2021, 7, 30, 1, 0);
        var old = Records(2, at);
        var recent = Records(2, at + Duration.FromDays(100));
        await using (var store = new SqliteRecordStore(Database))
        {
            await store.InitializeAsync();
            await store.WriteAsync(old);
            await store.WriteAsync(recent);
            (await store.PurgeAsync(at + Duration.FromDays(50))).Should().Be(2);
        }

        (await Kept()).Should().Equal(recent.Select(r => r.Id), "the frames that held the purged records lie behind the mark");
    }

    [Fact]
    public async Task Batches_written_over_both_files_in_turn_are_all_read_back()
    {
        // About 2 KB a record: more than three files' worth, so each file is written over at least once.
        var records = Records(13_000, Instant.FromUtc(2021, 7, 30, 1, 0));
        await using (var store = new SqliteRecordStore(Database))
        {
            await store.InitializeAsync();
            foreach (var batch in records.Chunk(100)) await store.WriteAsync(batch);
            (await store.ReadAllAsync()).Should().HaveCount(records.Count, "a read waits for what landed before it");
        }
        (await Kept()).Should().Equal(records.Select(r => r.Id));
    }

    [Fact]
    public async Task A_second_store_on_the_same_file_writes_to_the_table_and_both_read_everything()
    {
        var at = Instant.FromUtc(2021, 7, 30, 1, 0);
        var mine = Records(3, at);
        var theirs = Records(2, at + Duration.FromSeconds(1));
        await using var owner = new SqliteRecordStore(Database);
        await owner.InitializeAsync();
        await owner.WriteAsync(mine);
        // The owner's reads wait for its copy; another process sees the table as the copy leaves it (some ms behind).
        (await owner.ReadAllAsync()).Should().HaveCount(3);
        await using (var other = new SqliteRecordStore(Database))
        {
            await other.InitializeAsync();
            await other.WriteAsync(theirs);
            (await other.ReadAllAsync()).Select(r => r.Id).Should().Equal(mine.Concat(theirs).Select(r => r.Id));
        }
        (await owner.ReadAllAsync()).Select(r => r.Id).Should().Equal(mine.Concat(theirs).Select(r => r.Id));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
