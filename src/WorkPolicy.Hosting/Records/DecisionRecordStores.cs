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

    /// <summary>Every record of <paramref name="store"/>, oldest first (as they were answered): what a replay decides again.</summary>
    /// <example><code>var report = DecisionReplay.Run(await store.ReadAllAsync(), candidate);</code></example>
    public static async Task<IReadOnlyList<DecisionRecord>> ReadAllAsync(this IDecisionRecordStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var all = new List<DecisionRecord>();
        for (var offset = 0; ; offset += 1000)
        {
            var page = await store.ReadAsync(RecordQuery.All(offset), cancellationToken).ConfigureAwait(false);
            all.AddRange(page);
            if (page.Count < 1000) break;
        }
        // Pages come newest first.
        all.Reverse();
        return all;
    }
}
