namespace WorkPolicy.Hosting;

/// <summary>Opening a store by where it is, and reading all of it: what <c>workpolicy replay</c> does, for any app.</summary>
public static class DecisionRecordStores
{
    /// <summary>
    /// The store at <paramref name="source"/>: a PostgreSQL connection string (<c>Host=…;Database=…</c>, or a
    /// <c>postgres…</c> URI), else a SQLite file. Not yet initialized (<see cref="IDecisionRecordStore.InitializeAsync"/>).
    /// </summary>
    /// <example><code>await using var store = DecisionRecordStores.Open("decisions.db");</code></example>
    public static IDecisionRecordStore Open(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return IsPostgres(source) ? new PostgresRecordStore(source) : new SqliteRecordStore(source);
    }

    /// <summary>Whether <paramref name="source"/> names a PostgreSQL database rather than a SQLite file.</summary>
    public static bool IsPostgres(string source) =>
        source.Contains('=', StringComparison.Ordinal) || source.StartsWith("postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Writes every record of <paramref name="store"/>, oldest first, as JSON lines: one object a line with the record's
    /// id, instant, revision, employee, date, decision and facts (the JSON kept, as answered) — what
    /// <c>workpolicy records export</c> writes. Read as a stream: memory stays bounded whatever the number of records.
    /// Returns how many were written.
    /// </summary>
    /// <example><code>using var output = File.CreateText("records.jsonl"); await store.ExportAsync(output);</code></example>
    public static async Task<long> ExportAsync(this IDecisionRecordStore store, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(output);
        long count = 0;
        var line = new System.Buffers.ArrayBufferWriter<byte>(4096);
        await using var writer = new System.Text.Json.Utf8JsonWriter(line, new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        await foreach (var record in store.StreamAsync(cancellationToken).ConfigureAwait(false))
        {
            line.ResetWrittenCount();
            writer.Reset(line);
            RecordJson.Write(writer, record);
            writer.Flush();
            await output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(line.WrittenSpan).AsMemory(), cancellationToken).ConfigureAwait(false);
            count++;
        }
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    /// <summary>Every record of <paramref name="store"/>, oldest first (as they were answered), in a list.</summary>
    /// <example><code>var report = DecisionReplay.Run(await store.ReadAllAsync(), candidate);</code></example>
    public static async Task<IReadOnlyList<DecisionRecord>> ReadAllAsync(this IDecisionRecordStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var all = new List<DecisionRecord>();
        await foreach (var record in store.StreamAsync(cancellationToken).ConfigureAwait(false)) all.Add(record);
        return all;
    }
}
