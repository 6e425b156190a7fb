using System.Globalization;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace WorkPolicy.Hosting;

/// <summary>
/// Decision records in a SQLite file: created with mode 0600 (it holds personal data), write-ahead log. A batch is
/// durable when <see cref="WriteAsync"/> returns: it has landed in the store's landing log (two preallocated files
/// beside the database, one frame written through to the disk a batch) and is copied into the table soon after, in large transactions
/// that note how far they got; a crash between the two is mended at the next start. Reads wait until everything landed
/// before them is in the table. A second process opening the same file while one serves it writes to the table
/// directly, each batch one transaction synced to disk (<c>synchronous=FULL</c>).
/// </summary>
public sealed class SqliteRecordStore : IDecisionRecordStore
{
    /// <summary>At most this many records go into the table in one transaction.</summary>
    private const int IndexBatch = 8192;

    /// <summary>How long the copy gathers landed batches before a transaction, unless a read is waiting for it.</summary>
    private static readonly TimeSpan IndexGather = TimeSpan.FromMilliseconds(20);

    private readonly string _path;
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _landingGate = new(1, 1);
    private readonly System.Threading.Channels.Channel<(IReadOnlyList<DecisionRecord> Records, LandingPosition End)> _toIndex =
        System.Threading.Channels.Channel.CreateUnbounded<(IReadOnlyList<DecisionRecord>, LandingPosition)>(new() { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _closing = new();
    private readonly Lock _progress = new();
    private RecordLandingLog? _landing;
    private int _disposed;
    private Task _indexer = Task.CompletedTask;
    private LandingPosition _landed, _indexed;
    private TaskCompletionSource _indexedMore = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _hurry = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A store in the file at <paramref name="path"/> (created if absent).</summary>
    public SqliteRecordStore(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        _path = Path.GetFullPath(path);
        // A statement kept waiting by another writer gives up after 5 s, as busy_timeout says (the provider's own retry
        // would wait 30): a copy that cannot be made is then said to whoever waits for it, and tried again.
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false, DefaultTimeout = 5 }.ToString());
    }

    /// <inheritdoc/>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(_path))
        {
            // Created by us, owner-only, before SQLite opens it: it never exists with wider permissions.
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using var created = new FileStream(_path, create);
        }
        await _connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        // Another application's database is not made ours: nothing is written to it (the pragmas below persist in the file).
        await using (var tables = _connection.CreateCommand())
        {
            tables.CommandText = "SELECT count(*), count(*) FILTER (WHERE name = 'workpolicy_schema') FROM sqlite_master WHERE type = 'table'";
            await using var found = await tables.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await found.ReadAsync(cancellationToken).ConfigureAwait(false) && found.GetInt64(0) > 0 && found.GetInt64(1) == 0)
                throw new InvalidDataException("not a records database: it holds tables of its own and no workpolicy_schema");
        }
        // 16 KiB pages (for a new file; an existing one keeps its own): a record (~1.5–2.5 KB) fits in one page instead
        // of spilling to overflow pages, so a batch writes a third of the pages — 30k → 46k rows/s for batches of 50.
        await Execute("PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;", cancellationToken).ConfigureAwait(false);
        await Execute("""
            CREATE TABLE IF NOT EXISTS workpolicy_schema (version INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS decision_records (
              id TEXT PRIMARY KEY, at TEXT NOT NULL, revision TEXT NOT NULL, employee TEXT NOT NULL, date TEXT NOT NULL,
              mode TEXT NOT NULL, decision TEXT NOT NULL, facts TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS decision_records_employee ON decision_records (employee, date);
            CREATE TABLE IF NOT EXISTS workpolicy_landing (id INTEGER PRIMARY KEY CHECK (id = 1), generation INTEGER NOT NULL, position INTEGER NOT NULL);
            """, cancellationToken).ConfigureAwait(false);
        await SchemaVersion.Check(_connection, cancellationToken).ConfigureAwait(false);
        // The write-ahead log and its index hold the same data: owner-only too.
        foreach (var side in new[] { _path + "-wal", _path + "-shm" })
            if (File.Exists(side) && !OperatingSystem.IsWindows()) File.SetUnixFileMode(side, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        if ((_landing = RecordLandingLog.TryOpen(_path)) is not { } landing) return;
        // Batches landed but not yet in the table when the last process stopped (a crash): copied now, before any read.
        var mark = await Mark(cancellationToken).ConfigureAwait(false);
        _landed = _indexed = mark;
        foreach (var (end, records) in landing.Recover(mark))
        {
            await Index(records, end, cancellationToken).ConfigureAwait(false);
            _landed = _indexed = end;
        }
        _indexer = Task.Run(IndexLoop, CancellationToken.None);
    }

    private async Task<LandingPosition> Mark(CancellationToken cancellationToken)
    {
        await using var read = _connection.CreateCommand();
        read.CommandText = "SELECT generation, position FROM workpolicy_landing WHERE id = 1";
        await using var row = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await row.ReadAsync(cancellationToken).ConfigureAwait(false) ? new LandingPosition(row.GetInt64(0), row.GetInt64(1)) : LandingPosition.None;
    }

    private async Task Execute(string sql, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private (SqliteCommand Command, SqliteParameter[] Parameters)? _insert;

    private (SqliteCommand, SqliteParameter[]) Insert()
    {
        var insert = _connection.CreateCommand();
        // A record's id is its identity (a time-ordered UUID made once): a row already there with that id is that record.
        // Only a copy from the log can meet one — the database restored from a backup older than its landing log — and
        // it must not stop the copy (every later record would wait behind it).
        insert.CommandText = "INSERT OR IGNORE INTO decision_records (id, at, revision, employee, date, mode, decision, facts) VALUES ($id, $at, $revision, $employee, $date, $mode, $decision, $facts)";
        var parameters = new[] { "$id", "$at", "$revision", "$employee", "$date", "$mode", "$decision", "$facts" }.Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
        insert.Prepare();
        return (insert, parameters);
    }

    /// <inheritdoc/>
    public async Task WriteAsync(IReadOnlyList<DecisionRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0) return;
        if (_landing is not { } landing)
        {
            await Index(records, end: null, cancellationToken).ConfigureAwait(false);
            return;
        }
        await _landingGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!landing.Fits(records))
            {
                // The other file is written over: what it holds must be in the table first (the bound on the backlog).
                await UntilIndexed(landing.TurnNeeds, cancellationToken).ConfigureAwait(false);
                landing.Turn();
            }
            var end = landing.Append();
            lock (_progress) _landed = end;
            _toIndex.Writer.TryWrite((records, end));
        }
        finally
        {
            _landingGate.Release();
        }
    }

    /// <summary>
    /// Copies landed batches into the table, as many as are waiting (up to <see cref="IndexBatch"/> records) in one
    /// transaction: under load a few commits a second, not one a batch. A failure (a full disk) is retried: the records
    /// are safe in the landing log meanwhile, and are copied at the next start if this process stops first.
    /// </summary>
    private async Task IndexLoop()
    {
        var reader = _toIndex.Reader;
        var batch = new List<DecisionRecord>(IndexBatch);
        try
        {
            while (await reader.WaitToReadAsync(_closing.Token).ConfigureAwait(false))
            {
                // A moment to gather: a commit of the table costs an fsync whatever its size, so under load the copy
                // takes thousands of records at once instead of every landed batch alone (1,100 commits a second, each
                // a trip to the disk, took a third of the cores). A read waiting for the copy cuts the moment short.
                await Task.WhenAny(Task.Delay(IndexGather, _closing.Token), Hurried()).ConfigureAwait(false);
                var end = LandingPosition.None;
                while (batch.Count < IndexBatch && reader.TryRead(out var landed))
                {
                    batch.AddRange(landed.Records);
                    end = landed.End;
                }
                while (true)
                {
                    try
                    {
                        await Index(batch, end, _closing.Token).ConfigureAwait(false);
                        break;
                    }
                    catch (SqliteException ex)
                    {
                        // Said to whoever waits for the copy (a 503 rather than a hang), and tried again.
                        TaskCompletionSource waiting;
                        lock (_progress)
                        {
                            waiting = _indexedMore;
                            _indexedMore = new(TaskCreationOptions.RunContinuationsAsynchronously);
                        }
                        waiting.TrySetException(ex);
                        _ = waiting.Task.Exception;   // observed: nobody may be waiting
                        await Task.Delay(TimeSpan.FromSeconds(1), _closing.Token).ConfigureAwait(false);
                    }
                }
                batch.Clear();
                TaskCompletionSource more;
                lock (_progress)
                {
                    _indexed = end;
                    more = _indexedMore;
                    _indexedMore = new(TaskCreationOptions.RunContinuationsAsynchronously);
                    if (_hurry.Task.IsCompleted) _hurry = new(TaskCreationOptions.RunContinuationsAsynchronously);
                }
                more.TrySetResult();
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            // Closed while a copy was failing: what is left stays landed, for the next start.
        }
    }

    private Task Hurried()
    {
        lock (_progress) return _hurry.Task;
    }

    /// <summary>
    /// Waits until the table holds everything landed up to <paramref name="position"/>; throws when a copy tried while it
    /// waits fails (a 503 for the caller rather than a wait without end; the copy is tried again, the records stay landed).
    /// </summary>
    private async Task UntilIndexed(LandingPosition position, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task more;
            TaskCompletionSource hurry;
            lock (_progress)
            {
                if (_indexed.CompareTo(position) >= 0) return;
                more = _indexedMore.Task;
                hurry = _hurry;
            }
            hurry.TrySetResult();
            if (_indexer.IsCompleted) throw new IOException("the decision records could not be copied into the table (they are kept in the landing log)");
            try
            {
                await more.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException failed)
            {
                // A copy tried while this waited failed: the next one may not come soon.
                throw new IOException("the decision records could not be copied into the table (they are kept in the landing log)", failed);
            }
        }
    }

    /// <summary>Reads see every record landed before them.</summary>
    private Task CaughtUp(CancellationToken cancellationToken)
    {
        LandingPosition landed;
        lock (_progress) landed = _landed;
        return UntilIndexed(landed, cancellationToken);
    }

    /// <summary>Inserts <paramref name="records"/> in one transaction, with the landing mark when they came from the log.</summary>
    private async Task Index(IReadOnlyList<DecisionRecord> records, LandingPosition? end, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            // One insert, prepared once and kept: a batch pays for binding its rows, not for compiling the statement.
            var (insert, parameters) = _insert ??= Insert();
            insert.Transaction = transaction;
            foreach (var r in records)
            {
                for (var column = 0; column < RecordTexts.Count; column++) parameters[column].Value = RecordTexts.Of(r, column);
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            if (end is { } mark)
            {
                await using var note = _connection.CreateCommand();
                note.Transaction = transaction;
                note.CommandText = "INSERT OR REPLACE INTO workpolicy_landing (id, generation, position) VALUES (1, $generation, $position)";
                note.Parameters.AddWithValue("$generation", mark.Generation);
                note.Parameters.AddWithValue("$position", mark.Offset);
                await note.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<DecisionRecord>> ReadAsync(RecordQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await CaughtUp(cancellationToken).ConfigureAwait(false);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var select = _connection.CreateCommand();
            select.CommandText = """
                SELECT id, at, revision, employee, date, mode, decision, facts FROM decision_records
                WHERE ($employee IS NULL OR employee = $employee) AND ($from IS NULL OR date >= $from) AND ($to IS NULL OR date <= $to)
                ORDER BY at DESC, id DESC LIMIT $limit OFFSET $offset
                """;
            select.Parameters.AddWithValue("$employee", (object?)query.Employee ?? DBNull.Value);
            select.Parameters.AddWithValue("$from", query.From is { } f ? LocalDatePattern.Iso.Format(f) : DBNull.Value);
            select.Parameters.AddWithValue("$to", query.To is { } t ? LocalDatePattern.Iso.Format(t) : DBNull.Value);
            select.Parameters.AddWithValue("$limit", Math.Clamp(query.Limit, 1, 10_000));
            select.Parameters.AddWithValue("$offset", Math.Max(0, query.Offset));
            var found = new List<DecisionRecord>();
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) found.Add(Row(reader));
            return found;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<DecisionRecord> StreamAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await CaughtUp(cancellationToken).ConfigureAwait(false);
        // A connection of its own, read-only: the write-ahead log lets it read while the writer goes on.
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT id, at, revision, employee, date, mode, decision, facts FROM decision_records ORDER BY julianday(at), id";
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) yield return Row(reader);
    }

    /// <inheritdoc/>
    public async Task<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default)
    {
        await CaughtUp(cancellationToken).ConfigureAwait(false);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var delete = _connection.CreateCommand();
            // Instants are ISO text with as many fraction digits as they need ("…:00Z" sorts after "…:00.5Z" as text):
            // compared as instants.
            delete.CommandText = "DELETE FROM decision_records WHERE julianday(at) < julianday($before)";
            delete.Parameters.AddWithValue("$before", InstantPattern.ExtendedIso.Format(before));
            return await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static DecisionRecord Row(SqliteDataReader reader) => RecordTexts.Read(reader.GetString);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        // Disposed by its recorder and again by the container that made it: once is enough.
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        // Everything landed goes into the table before the store closes (a copy that keeps failing is given up after a
        // while: it stays landed and is copied at the next start).
        _toIndex.Writer.TryComplete();
        _closing.CancelAfter(TimeSpan.FromSeconds(30));
        await _indexer.ConfigureAwait(false);
        _landing?.Dispose();
        _closing.Dispose();
        if (_insert is { } insert) await insert.Command.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
        _landingGate.Dispose();
    }
}

/// <summary>The records' schema version, one row: written on first use, checked after.</summary>
internal static class SchemaVersion
{
    public static async Task Check(System.Data.Common.DbConnection connection, CancellationToken cancellationToken, System.Data.Common.DbTransaction? transaction = null)
    {
        await using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT version FROM workpolicy_schema";
        var found = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        if (found is null or DBNull)
        {
            await using var write = connection.CreateCommand();
            write.Transaction = transaction;
            write.CommandText = $"INSERT INTO workpolicy_schema (version) VALUES ({DecisionRecord.SchemaVersion.ToString(CultureInfo.InvariantCulture)})";
            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        var version = Convert.ToInt32(found, CultureInfo.InvariantCulture);
        if (version > DecisionRecord.SchemaVersion)
            throw new InvalidDataException($"the records were written with schema {version}, newer than this version reads ({DecisionRecord.SchemaVersion})");
    }
}
