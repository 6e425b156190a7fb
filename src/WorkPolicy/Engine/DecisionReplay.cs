using WorkPolicy.Ast;
using WorkPolicy.Output;

namespace WorkPolicy;

/// <summary>
/// Decides recorded decisions again under other rules (a candidate circular, an amendment) from the facts each record
/// kept, and reports which would change — grouped by the provision that decides now, with its citation: the blast
/// radius of a rule change, in the law's own terms.
/// </summary>
/// <example>
/// <code>
/// var candidate = PolicyEngine.Load("rules-with-amendment/").Value!;
/// var report = DecisionReplay.Run(records, candidate);
/// Console.Write(report);     // the table of `workpolicy replay`
/// </code>
/// </example>
public static class DecisionReplay
{
    /// <summary>Records decided again at a time: what is held while a replay runs, whatever the number of records.</summary>
    private const int Block = 4096;

    /// <summary>Changes a report keeps as examples of each provision (<see cref="ReplayGroup.Examples"/>) in a streamed replay.</summary>
    public const int ExamplesPerProvision = 3;

    /// <summary>
    /// Replays <paramref name="records"/> under <paramref name="candidate"/>, keeping every change in the report
    /// (<see cref="ReplayReport.Changes"/>): for records already in memory. <paramref name="progress"/> hears the count
    /// replayed after each block.
    /// </summary>
    public static ReplayReport Run(IEnumerable<DecisionRecord> records, PolicyEngine candidate, CancellationToken cancellationToken = default, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        // The streamed replay over records in memory: its awaits complete at once, nothing waits on another thread.
        return Stream(records.ToAsyncEnumerable(), candidate, null, render: false, keepAll: true, progress, cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Replays records read as a stream (<c>IDecisionRecordStore.StreamAsync</c>) in bounded memory: a block of
    /// records at a time, decided on all cores. The report keeps counts by provision with a few examples each; every
    /// change, in the records' order, goes to <paramref name="onChange"/> as it is found.
    /// </summary>
    /// <example>
    /// <code>
    /// var report = await DecisionReplay.RunAsync(store.StreamAsync(), candidate, change => Console.WriteLine(change));
    /// </code>
    /// </example>
    public static Task<ReplayReport> RunAsync(IAsyncEnumerable<DecisionRecord> records, PolicyEngine candidate, Action<ReplayChange>? onChange = null,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default) =>
        Stream(records, candidate, onChange is null ? null : (change, _) => onChange(change), render: false, keepAll: false, progress, cancellationToken);

    /// <summary>
    /// The streamed replay: a block of records at a time, decided on all cores, each change handed to
    /// <paramref name="onChange"/> in the records' order — with its JSON made on all cores too when
    /// <paramref name="render"/> (writing 500,000 changes' decisions on one thread took longer than deciding them).
    /// </summary>
    private static async Task<ReplayReport> Stream(IAsyncEnumerable<DecisionRecord> records, PolicyEngine candidate, Action<ReplayChange, byte[]?>? onChange,
        bool render, bool keepAll, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(candidate);
        var tally = new ReplayTally(candidate.Revision, keepAll);
        var batch = new ReplayBatch(candidate);
        var block = new List<DecisionRecord>(Block);
        void Decide()
        {
            var outcomes = batch.Decide(block, cancellationToken);
            var json = render ? new byte[]?[outcomes.Length] : null;
            if (json is not null)
                Parallel.For(0, outcomes.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
                {
                    // A line of its own (JSON allows the whitespace): the output stays readable a change at a time.
                    if (outcomes[i].Change is { } change) json[i] = [(byte)'\n', .. JsonText.Utf8(change.WriteJson)];
                });
            tally.Add(block, outcomes, onChange is null ? null : (change, i) => onChange(change, json?[i]));
            progress?.Report(tally.Total);
            block.Clear();
        }
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            block.Add(record);
            if (block.Count == Block) Decide();
        }
        Decide();
        return tally.Report();
    }

    /// <summary>
    /// Replays records read as a stream and writes the JSON of <c>workpolicy replay --format json</c> to
    /// <paramref name="output"/> as it goes: <c>{ candidate, changes: [every change, as found], replayed, changed,
    /// byProvision: [{ provision, cite, count, examples }], unreadable, unreadableCount }</c>. Memory stays bounded.
    /// </summary>
    public static async Task<ReplayReport> WriteJsonAsync(IAsyncEnumerable<DecisionRecord> records, PolicyEngine candidate, TextWriter output,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(candidate);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1 << 16);
        await using var w = new System.Text.Json.Utf8JsonWriter(buffer, JsonText.Options);
        void Flush()
        {
            w.Flush();
            output.Write(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
            buffer.ResetWrittenCount();
        }
        w.WriteStartObject();
        w.WriteString("candidate", candidate.Revision);
        w.WriteStartArray("changes");
        var report = await Stream(records, candidate, (_, json) =>
        {
            w.WriteRawValue(json!, skipInputValidation: true);
            if (w.BytesPending > 1 << 15) Flush();
        }, render: true, keepAll: false, progress, cancellationToken).ConfigureAwait(false);
        w.WriteEndArray();
        report.WriteSummary(w);
        w.WriteEndObject();
        Flush();
        output.WriteLine();
        return report;
    }
}

/// <summary>The changes a replay found that the same provision decides now: how many, and the first few.</summary>
/// <param name="Provision">The provision that decides now, as <c>circular/id</c> (<see cref="ReplayChange.DecidingNow"/>).</param>
/// <param name="Cite">Its citation, when a provision decides.</param>
/// <param name="Count">How many records it changes.</param>
/// <param name="Examples">The first changes in the records' order (all of them in a report of <see cref="DecisionReplay.Run"/>).</param>
public sealed record ReplayGroup(string Provision, string? Cite, long Count, ValueList<ReplayChange> Examples);

/// <summary>Counts changes by provision as blocks of records are replayed, in the records' order.</summary>
internal sealed class ReplayTally(string candidate, bool keepAll)
{
    private const int UnreadableExamples = 100;
    private readonly Dictionary<string, (string? Cite, long Count, List<ReplayChange> Examples)> _groups = new(StringComparer.Ordinal);
    private readonly List<ReplayChange> _kept = [];
    private readonly List<string> _unreadable = [];
    private long _changed;
    private long _unreadableCount;

    public int Total { get; private set; }

    public void Add(IReadOnlyList<DecisionRecord> block, ReplayBatch.Outcome[] outcomes, Action<ReplayChange, int>? onChange)
    {
        Total += block.Count;
        for (var i = 0; i < outcomes.Length; i++)
        {
            var (change, unreadable) = outcomes[i];
            if (unreadable is not null && ++_unreadableCount <= UnreadableExamples) _unreadable.Add(unreadable);
            if (change is null) continue;
            _changed++;
            onChange?.Invoke(change, i);
            if (keepAll) _kept.Add(change);
            var key = change.DecidingNow;
            var group = _groups.TryGetValue(key, out var g) ? g : (change.After.Provisions.FirstOrDefault()?.Cite, 0L, new List<ReplayChange>());
            if (keepAll || group.Item3.Count < DecisionReplay.ExamplesPerProvision) group.Item3.Add(change);
            _groups[key] = (group.Item1, group.Item2 + 1, group.Item3);
        }
    }

    public ReplayReport Report() => new(candidate, Total, _changed, [.. _kept],
        [.. _groups.OrderByDescending(g => g.Value.Count).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => new ReplayGroup(g.Key, g.Value.Cite, g.Value.Count, [.. g.Value.Examples]))],
        [.. _unreadable], _unreadableCount);
}

/// <summary>One recorded decision that the candidate rules answer otherwise.</summary>
/// <param name="Record">The record's id.</param>
/// <param name="Employee">Whose.</param>
/// <param name="Date">For which day.</param>
/// <param name="Revision">The rules that answered then.</param>
/// <param name="Differs">What differs, as <c>compare</c> names it: <c>mode</c>, <c>pool</c>, <c>obligations</c>, <c>unknown</c>.</param>
/// <param name="Before">The decision as answered.</param>
/// <param name="After">The decision under the candidate rules.</param>
public sealed record ReplayChange(string Record, string Employee, NodaTime.LocalDate Date, string Revision, ValueList<string> Differs, Decision Before, Decision After)
{
    /// <summary>The provision that decides now, as <c>circular/id</c>, or <c>none</c>.</summary>
    public string DecidingNow => After.Provisions.FirstOrDefault() is { } p ? $"{p.Circular}/{p.Id}" : $"no provision ({After.Mode.Word()})";

    /// <summary>The change as the table of <c>workpolicy replay</c> lists it, on one line.</summary>
    public override string ToString() =>
        $"{Employee,-12} {Date:uuuu-MM-dd}  {string.Join(", ", Differs)}: {DecisionDiff.Summary(Before)} -> {DecisionDiff.Summary(After)}  (record {Record}, was {Revision})";

    internal void WriteJson(System.Text.Json.Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("record", Record);
        w.WriteString("employee", Employee);
        w.WriteString("date", Date.ToString("uuuu-MM-dd", null));
        w.WriteString("revision", Revision);
        w.WriteString("decidingNow", DecidingNow);
        w.WriteStartArray("differs");
        foreach (var d in Differs) w.WriteStringValue(d);
        w.WriteEndArray();
        w.WritePropertyName("before");
        DecisionJson.WriteDecision(w, Before);
        w.WritePropertyName("after");
        DecisionJson.WriteDecision(w, After);
        w.WriteEndObject();
    }
}

/// <summary>What a replay found: how many decisions would change, by the provision that decides now, with examples.</summary>
// Written by its own writer, not the context: a streamed replay writes its changes as they come and this summary after
// them (WriteSummary), so the whole report never has to be held.
public sealed record ReplayReport : Report
{
    internal ReplayReport(string candidate, int total, long changed, ValueList<ReplayChange> changes, ValueList<ReplayGroup> byProvision, ValueList<string> unreadable, long unreadableCount)
    {
        Candidate = candidate;
        Total = total;
        Changed = changed;
        Changes = changes;
        ByProvision = byProvision;
        Unreadable = unreadable;
        UnreadableCount = unreadableCount;
    }

    /// <summary>The revision of the candidate rules.</summary>
    public string Candidate { get; }

    /// <summary>Records replayed.</summary>
    public int Total { get; }

    /// <summary>Records whose decision would change.</summary>
    public long Changed { get; }

    /// <summary>
    /// Every change in the records' order, from <see cref="DecisionReplay.Run"/>; empty from a streamed replay
    /// (<see cref="DecisionReplay.RunAsync"/>), whose changes went to its callback and whose groups keep examples.
    /// </summary>
    public ValueList<ReplayChange> Changes { get; }

    /// <summary>The changes by the provision that decides now (<c>circular/id</c>), most changes first, then by name.</summary>
    public ValueList<ReplayGroup> ByProvision { get; }

    /// <summary>The first records (up to 100) whose kept facts the candidate rules could not read, each with why.</summary>
    public ValueList<string> Unreadable { get; }

    /// <summary>How many records could not be read.</summary>
    public long UnreadableCount { get; }

    /// <summary>The summary table: a line a provision with its count and citation, its examples under it.</summary>
    public override void WriteText(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine($"replayed {Total} record(s) under {Candidate}: {Changed} would change");
        foreach (var group in ByProvision)
        {
            writer.WriteLine();
            writer.WriteLine($"{group.Provision}{(group.Cite is null ? "" : " — " + group.Cite)}: {group.Count}");
            foreach (var c in group.Examples.OrderBy(c => c.Date).ThenBy(c => c.Employee, StringComparer.Ordinal)) writer.WriteLine($"  {c}");
            if (group.Count > group.Examples.Count) writer.WriteLine($"  … and {group.Count - group.Examples.Count} more (--all or --format json lists every one)");
        }
        foreach (var u in Unreadable) writer.WriteLine($"unreadable  {u}");
        if (UnreadableCount > Unreadable.Count) writer.WriteLine($"unreadable  … and {UnreadableCount - Unreadable.Count} more");
    }

    /// <inheritdoc/>
    public override void WriteJson(Stream stream) => JsonText.WriteTo(stream, WriteJsonObject);

    internal void WriteJsonObject(System.Text.Json.Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("candidate", Candidate);
        w.WriteStartArray("changes");
        foreach (var c in Changes) c.WriteJson(w);
        w.WriteEndArray();
        WriteSummary(w);
        w.WriteEndObject();
    }

    /// <summary>The members after <c>changes</c>: counts, groups with their examples' record ids, unreadable records.</summary>
    internal void WriteSummary(System.Text.Json.Utf8JsonWriter w)
    {
        w.WriteNumber("replayed", Total);
        w.WriteNumber("changed", Changed);
        w.WriteStartArray("byProvision");
        foreach (var group in ByProvision)
        {
            w.WriteStartObject();
            w.WriteString("provision", group.Provision);
            if (group.Cite is { } cite) w.WriteString("cite", cite);
            w.WriteNumber("count", group.Count);
            w.WriteStartArray("examples");
            foreach (var c in group.Examples.Take(DecisionReplay.ExamplesPerProvision)) w.WriteStringValue(c.Record);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("unreadable");
        foreach (var u in Unreadable) w.WriteStringValue(u);
        w.WriteEndArray();
        w.WriteNumber("unreadableCount", UnreadableCount);
    }
}
