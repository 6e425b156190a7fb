using System.Globalization;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace WorkPolicy.Hosting;

/// <summary>
/// Decision records in a SQLite file: created with mode 0600 (it holds personal data), write-ahead log, each batch one
/// transaction synced to disk before it returns (<c>synchronous=FULL</c>): a record written survives a crash.
/// </summary>
public sealed class SqliteRecordStore : IDecisionRecordStore
{
    private readonly string _path;
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>A store in the file at <paramref name="path"/> (created if absent).</summary>
    public SqliteRecordStore(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        _path = Path.GetFullPath(path);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString());
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
        // 16 KiB pages (for a new file; an existing one keeps its own): a record (~1.5–2.5 KB) fits in one page instead
        // of spilling to overflow pages, so a batch writes a third of the pages — 30k → 46k rows/s for batches of 50.
        await Execute("PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;", cancellationToken).ConfigureAwait(false);
        await Execute("""
            CREATE TABLE IF NOT EXISTS workpolicy_schema (version INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS decision_records (
              id TEXT PRIMARY KEY, at TEXT NOT NULL, revision TEXT NOT NULL, employee TEXT NOT NULL, date TEXT NOT NULL,
              mode TEXT NOT NULL, decision TEXT NOT NULL, facts TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS decision_records_employee ON decision_records (employee, date);
            """, cancellationToken).ConfigureAwait(false);
        await SchemaVersion.Check(_connection, cancellationToken).ConfigureAwait(false);
        // The write-ahead log and its index hold the same data: owner-only too.
        foreach (var side in new[] { _path + "-wal", _path + "-shm" })
            if (File.Exists(side) && !OperatingSystem.IsWindows()) File.SetUnixFileMode(side, UnixFileMode.UserRead | UnixFileMode.UserWrite);
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
        insert.CommandText = "INSERT INTO decision_records (id, at, revision, employee, date, mode, decision, facts) VALUES ($id, $at, $revision, $employee, $date, $mode, $decision, $facts)";
        var parameters = new[] { "$id", "$at", "$revision", "$employee", "$date", "$mode", "$decision", "$facts" }.Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
        insert.Prepare();
        return (insert, parameters);
    }

    /// <inheritdoc/>
    public async Task WriteAsync(IReadOnlyList<DecisionRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            // One insert, prepared once and kept: a batch pays for binding its rows, not for compiling the statement.
            var (insert, parameters) = _insert ??= Insert();
            insert.Transaction = transaction;
            foreach (var r in records)
            {
                parameters[0].Value = r.Id;
                parameters[1].Value = InstantPattern.ExtendedIso.Format(r.At);
                parameters[2].Value = r.Revision;
                parameters[3].Value = r.Employee;
                parameters[4].Value = LocalDatePattern.Iso.Format(r.Date);
                parameters[5].Value = r.Mode.ToString();
                parameters[6].Value = r.Decision;
                parameters[7].Value = r.Facts;
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
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

    private static DecisionRecord Row(SqliteDataReader reader) =>
        new(reader.GetString(0), InstantPattern.ExtendedIso.Parse(reader.GetString(1)).Value, reader.GetString(2), reader.GetString(3),
            LocalDatePattern.Iso.Parse(reader.GetString(4)).Value, Enum.Parse<WorkMode>(reader.GetString(5)), reader.GetString(6), reader.GetString(7));

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_insert is { } insert) await insert.Command.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
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
            throw new InvalidOperationException($"the records were written with schema {version}, newer than this version reads ({DecisionRecord.SchemaVersion})");
    }
}
