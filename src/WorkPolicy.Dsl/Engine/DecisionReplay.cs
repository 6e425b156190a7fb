using WorkPolicy.Rules.Ast;
using WorkPolicy.Dsl.Output;

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
    /// <summary>Replays <paramref name="records"/> under <paramref name="candidate"/>; <paramref name="progress"/> hears the count replayed, every thousand.</summary>
    public static ReplayReport Run(IEnumerable<DecisionRecord> records, PolicyEngine candidate, CancellationToken cancellationToken = default, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(candidate);
        var changes = new List<ReplayChange>();
        var unreadable = new List<string>();
        var total = 0;
        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (++total % 1000 == 0) progress?.Report(total);
            var facts = candidate.ParseFacts($"record {record.Id}", record.Facts);
            if (facts.Value is not { } read || !candidate.TryDecide(read, record.Employee, record.Date, out var now))
            {
                // The candidate's vocabulary reads the kept facts otherwise (a field it lacks): said, not skipped silently.
                unreadable.Add($"{record.Id}: {facts.Diagnostics.FirstOrDefault()?.Message ?? "the employee is not in the kept facts"}");
                continue;
            }
            // A change is what `compare` calls a difference (DecisionDiff): mode, pool, obligations, unknown facts. The
            // decision answered then is read back from its JSON, so the one answered now is compared as read back too
            // (a detail's type does not survive JSON: a duration reads back as text).
            var before = record.Answered();
            var differs = DecisionDiff.Aspects(before, PolicyJson.Deserialize(PolicyJson.Serialize(now, indented: false)));
            if (differs.Count == 0) continue;
            changes.Add(new ReplayChange(record.Id, record.Employee, record.Date, record.Revision, [.. differs], before, now));
        }
        return new ReplayReport(candidate.Revision, total, [.. changes], [.. unreadable]);
    }
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
}

/// <summary>What a replay found: the changed decisions, grouped by the provision that decides now.</summary>
public sealed class ReplayReport : Report
{
    internal ReplayReport(string candidate, int total, ValueList<ReplayChange> changes, ValueList<string> unreadable)
    {
        Candidate = candidate;
        Total = total;
        Changes = changes;
        Unreadable = unreadable;
    }

    /// <summary>The revision of the candidate rules.</summary>
    public string Candidate { get; }

    /// <summary>Records replayed.</summary>
    public int Total { get; }

    /// <summary>The decisions that would change, in the records' order.</summary>
    public ValueList<ReplayChange> Changes { get; }

    /// <summary>Records whose kept facts the candidate rules could not read, each with why.</summary>
    public ValueList<string> Unreadable { get; }

    /// <summary>The changes by the provision that decides now (<c>circular/id</c>), most changes first, then by name.</summary>
    public IReadOnlyList<IGrouping<string, ReplayChange>> ByProvision =>
        [.. Changes.GroupBy(c => c.DecidingNow, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)];

    /// <inheritdoc/>
    public override void WriteText(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine($"replayed {Total} record(s) under {Candidate}: {Changes.Count} would change");
        foreach (var group in ByProvision)
        {
            var cite = group.First().After.Provisions.FirstOrDefault()?.Cite;
            writer.WriteLine();
            writer.WriteLine($"{group.Key}{(cite is null ? "" : " — " + cite)}: {group.Count()}");
            foreach (var c in group.OrderBy(c => c.Date).ThenBy(c => c.Employee, StringComparer.Ordinal))
                writer.WriteLine($"  {c.Employee,-12} {c.Date:uuuu-MM-dd}  {string.Join(", ", c.Differs)}: {DecisionDiff.Summary(c.Before)} -> {DecisionDiff.Summary(c.After)}  (record {c.Record}, was {c.Revision})");
        }
        foreach (var u in Unreadable) writer.WriteLine($"unreadable  {u}");
    }

    /// <inheritdoc/>
    public override void WriteJson(Stream stream) => JsonText.WriteTo(stream, w =>
    {
        w.WriteStartObject();
        w.WriteString("candidate", Candidate);
        w.WriteNumber("replayed", Total);
        w.WriteNumber("changed", Changes.Count);
        w.WriteStartArray("byProvision");
        foreach (var group in ByProvision)
        {
            w.WriteStartObject();
            w.WriteString("provision", group.Key);
            if (group.First().After.Provisions.FirstOrDefault() is { } p) w.WriteString("cite", p.Cite);
            w.WriteNumber("count", group.Count());
            w.WriteStartArray("changes");
            foreach (var c in group)
            {
                w.WriteStartObject();
                w.WriteString("record", c.Record);
                w.WriteString("employee", c.Employee);
                w.WriteString("date", c.Date.ToString("uuuu-MM-dd", null));
                w.WriteString("revision", c.Revision);
                w.WriteStartArray("differs");
                foreach (var d in c.Differs) w.WriteStringValue(d);
                w.WriteEndArray();
                w.WritePropertyName("before");
                DecisionJson.WriteDecision(w, c.Before);
                w.WritePropertyName("after");
                DecisionJson.WriteDecision(w, c.After);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("unreadable");
        foreach (var u in Unreadable) w.WriteStringValue(u);
        w.WriteEndArray();
        w.WriteEndObject();
    });
}
