using Npgsql;
using NpgsqlTypes;
using NodaTime;

namespace WorkPolicy.Hosting;

/// <summary>
/// Decision records in PostgreSQL: the server store, the same table as SQLite's; each batch one transaction. The
/// decision and facts are kept as <c>json</c>, not <c>jsonb</c>: the bytes answered, as answered.
/// </summary>
public sealed class PostgresRecordStore : IDecisionRecordStore
{
    private readonly NpgsqlDataSource _source;

    /// <summary>A store in the database of <paramref name="connectionString"/>.</summary>
    public PostgresRecordStore(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        _source = NpgsqlDataSource.Create(connectionString);
    }

    /// <inheritdoc/>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // Instances started together share the database: CREATE TABLE IF NOT EXISTS races in PostgreSQL (two creators
        // collide in its catalogue) and the version row would be written twice. One transaction holding an advisory
        // lock makes the others wait and then find the schema made.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = """
                SELECT pg_advisory_xact_lock(7402613905);
                CREATE TABLE IF NOT EXISTS workpolicy_schema (version INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS decision_records (
                  id TEXT PRIMARY KEY, at TIMESTAMPTZ NOT NULL, revision TEXT NOT NULL, employee TEXT NOT NULL, date DATE NOT NULL,
                  mode TEXT NOT NULL, decision JSON NOT NULL, facts JSON NOT NULL);
                CREATE INDEX IF NOT EXISTS decision_records_employee ON decision_records (employee, date);
                """;
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await SchemaVersion.Check(connection, cancellationToken, transaction).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task WriteAsync(IReadOnlyList<DecisionRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // Binary COPY, one statement for the batch (all of it committed or none): an INSERT a row cost PostgreSQL a parse
        // and a plan each, and this service a command and eight parameters each — 62 µs of the server's time a record.
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY decision_records (id, at, revision, employee, date, mode, decision, facts) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        foreach (var r in records)
        {
            await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(r.Id, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(r.At.ToDateTimeUtc(), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(r.Revision, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(r.Employee, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(r.Date.ToDateOnly(), NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(r.Mode.ToString(), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(r.Decision, NpgsqlDbType.Json, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(r.Facts, NpgsqlDbType.Json, cancellationToken).ConfigureAwait(false);
        }
        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<DecisionRecord>> ReadAsync(RecordQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.CreateCommand();
        select.CommandText = """
            SELECT id, at, revision, employee, date, mode, decision::text, facts::text FROM decision_records
            WHERE ($1::text IS NULL OR employee = $1) AND ($2::date IS NULL OR date >= $2) AND ($3::date IS NULL OR date <= $3)
            ORDER BY at DESC, id DESC LIMIT $4 OFFSET $5
            """;
        select.Parameters.Add(new NpgsqlParameter { Value = (object?)query.Employee ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        select.Parameters.Add(new NpgsqlParameter { Value = query.From is { } f ? f.ToDateOnly() : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
        select.Parameters.Add(new NpgsqlParameter { Value = query.To is { } t ? t.ToDateOnly() : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
        select.Parameters.Add(new NpgsqlParameter { Value = Math.Clamp(query.Limit, 1, 10_000) });
        select.Parameters.Add(new NpgsqlParameter { Value = Math.Max(0, query.Offset) });
        var found = new List<DecisionRecord>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) found.Add(Row(reader));
        return found;
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<DecisionRecord> StreamAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // A cursor inside a read-only transaction: rows arrive as they are read, not all at once.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        await using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = "SELECT id, at, revision, employee, date, mode, decision::text, facts::text FROM decision_records ORDER BY at, id";
        await using var reader = await select.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) yield return Row(reader);
    }

    /// <inheritdoc/>
    public async Task<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM decision_records WHERE at < $1";
        delete.Parameters.Add(new NpgsqlParameter { Value = before.ToDateTimeUtc(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static DecisionRecord Row(NpgsqlDataReader reader) =>
        new(reader.GetString(0), Instant.FromDateTimeUtc(DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc)), reader.GetString(2), reader.GetString(3),
            LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(4)), Enum.Parse<WorkMode>(reader.GetString(5)), reader.GetString(6), reader.GetString(7));

    /// <summary>Four: PostgreSQL flushes concurrent commits together, so batches in flight share the wait for the disk.</summary>
    public int ConcurrentWriters => 4;

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _source.DisposeAsync();
}
