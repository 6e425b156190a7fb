using NodaTime;

namespace WorkPolicy.Hosting;

/// <summary>
/// Where decision records are kept: SQLite (<see cref="SqliteRecordStore"/>, the embedded default) or PostgreSQL
/// (<see cref="PostgresRecordStore"/>). A batch is written in one transaction: all of it is durable when the call
/// returns, or none of it is.
/// </summary>
public interface IDecisionRecordStore : IAsyncDisposable
{
    /// <summary>Creates the schema if absent and checks its version (a newer schema than this store writes is refused).</summary>
    /// <exception cref="InvalidDataException">The records were written with a newer schema than this version reads, or a SQLite file is another application's database (left untouched).</exception>
    /// <exception cref="System.Data.Common.DbException">The store cannot be opened: not a SQLite database, a server that refuses or does not answer.</exception>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes <paramref name="records"/> in one transaction.</summary>
    Task WriteAsync(IReadOnlyList<DecisionRecord> records, CancellationToken cancellationToken = default);

    /// <summary>Records newest first, filtered by employee and by the decisions' dates (inclusive), a page at a time.</summary>
    Task<IReadOnlyList<DecisionRecord>> ReadAsync(RecordQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every record oldest first (as answered), read as a stream: memory stays bounded whatever their number.</summary>
    IAsyncEnumerable<DecisionRecord> StreamAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// How many batches may be written at once: 1 for a store with one writer (SQLite); more where the server commits
    /// concurrent transactions together (PostgreSQL), so one batch's commit overlaps the next one's inserts.
    /// </summary>
    int ConcurrentWriters => 1;

    /// <summary>Deletes the records answered before <paramref name="before"/> (a retention); returns how many.</summary>
    Task<long> PurgeAsync(Instant before, CancellationToken cancellationToken = default);
}

/// <summary>Which records to read.</summary>
/// <param name="Employee">Only this employee's, or all.</param>
/// <param name="From">Decisions for this date or later, or any.</param>
/// <param name="To">Decisions for this date or earlier, or any.</param>
/// <param name="Limit">At most this many (1 to 10,000).</param>
/// <param name="Offset">After skipping this many, newest first.</param>
public sealed record RecordQuery(string? Employee = null, LocalDate? From = null, LocalDate? To = null, int Limit = 100, int Offset = 0)
{
    /// <summary>Every record, in pages of 1,000 (for replay).</summary>
    public static RecordQuery All(int offset) => new(Limit: 1000, Offset: offset);
}
