using System.Text;
using System.Text.Json;
using WorkPolicy.Output;

namespace WorkPolicy;

/// <summary>
/// Decides a block of records again. Each record keeps the facts its decision read — one employee with the units,
/// region status, calendar and incidents around them — and records of one unit on one day keep the same
/// surroundings. Reading each excerpt as facts on its own cost more than deciding; so records whose surroundings are
/// the same text are read as one facts document with all their employees (a decision reads its own employee only, so
/// each is decided as from its own excerpt), and each group on a core of its own. A group whose merged facts do not
/// read is decided record by record, so an unreadable record is named alone. One instance serves one replay: what it
/// remembers (<see cref="Differences"/>) goes with it.
/// </summary>
internal sealed class ReplayBatch(PolicyEngine candidate)
{
    /// <summary>What replaying one record found: a change, why it could not be read, or neither (the same answer).</summary>
    public readonly record struct Outcome(ReplayChange? Change, string? Unreadable);

    public Outcome[] Decide(IReadOnlyList<DecisionRecord> block, CancellationToken cancellationToken)
    {
        var outcomes = new Outcome[block.Count];
        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        var alone = new List<int>();
        for (var i = 0; i < block.Count; i++)
        {
            if (Split(block[i]) is not { } split)
            {
                alone.Add(i);
                continue;
            }
            // An employee kept twice with the same surroundings (two days' records) goes to a group of its own occurrence.
            for (var occurrence = 0; ; occurrence++)
            {
                var key = occurrence == 0 ? split.Surroundings : $"{split.Surroundings}#{occurrence}";
                if (!groups.TryGetValue(key, out var group)) groups[key] = group = new Group(split.Surroundings);
                if (group.Ids.Add(block[i].Employee))
                {
                    group.Members.Add((i, split.Employee));
                    break;
                }
            }
        }
        var work = groups.Values.Select(g => (Action)(() => DecideGroup(g, block, outcomes)))
            .Concat(alone.Select(i => (Action)(() => outcomes[i] = One(block[i]))));
        Parallel.ForEach(work, new ParallelOptions { CancellationToken = cancellationToken }, act => act());
        return outcomes;
    }

    private sealed class Group(string surroundings)
    {
        public string Surroundings { get; } = surroundings;
        public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);
        public List<(int Index, string Employee)> Members { get; } = [];
    }

    private void DecideGroup(Group group, IReadOnlyList<DecisionRecord> block, Outcome[] outcomes)
    {
        var text = new StringBuilder(group.Surroundings.Length + (group.Members.Count * 256));
        text.Append('{').Append(group.Surroundings).Append(group.Surroundings.Length > 0 ? "," : "").Append("\"employees\":[");
        for (var m = 0; m < group.Members.Count; m++) text.Append(m == 0 ? "" : ",\n").Append(group.Members[m].Employee);
        text.Append("]}");
        var read = candidate.Facts.Parse($"record {block[group.Members[0].Index].Id}", text.ToString());
        if (read.Value is not { } facts || read.Diagnostics.Any(d => d.Severity == Severity.Error))
        {
            foreach (var (index, _) in group.Members) outcomes[index] = One(block[index]);
            return;
        }
        foreach (var (index, _) in group.Members) outcomes[index] = Compare(block[index], facts);
    }

    /// <summary>One record decided from its own excerpt: the plain way, and the one every merged group must agree with.</summary>
    private Outcome One(DecisionRecord record)
    {
        var facts = candidate.Facts.Parse($"record {record.Id}", record.Facts);
        // The candidate's vocabulary reads the kept facts otherwise (a field it lacks): said, not skipped silently.
        return facts.Value is { } read ? Compare(record, read)
            : new Outcome(null, $"{record.Id}: {facts.Diagnostics.FirstOrDefault()?.Message ?? "the facts could not be read"}");
    }

    private Outcome Compare(DecisionRecord record, PolicyFacts facts)
    {
        if (!candidate.TryDecide(facts, record.Employee, record.Date, out var now)) return new Outcome(null, $"{record.Id}: the employee is not in the kept facts");
        // The same text as answered is the same decision; otherwise a change is what `compare` calls a difference
        // (DecisionDiff), both decisions read back from JSON (a detail's type does not survive JSON).
        var written = PolicyJson.Serialize(now, indented: false);
        if (string.Equals(written, record.Decision, StringComparison.Ordinal)) return default;
        var (differs, before) = Differences(record, written);
        return differs.Count == 0 ? default : new Outcome(new ReplayChange(record.Id, record.Employee, record.Date, record.Revision, differs, before, now), null);
    }

    /// <summary>What differs between the decision answered and the one written now, and the one answered as read back.</summary>
    /// <remarks>
    /// Optimisation, tested equal to <see cref="Plainly"/> (ReplayTests): a decision's JSON is its employee and date,
    /// then what the rules said; records of one outcome differ only in that head. What the rest of two texts differ in
    /// is worked out once per pair of rests (reading JSON back cost more than deciding) and remembered for this replay.
    /// </remarks>
    private (ValueList<string> Differs, Decision Before) Differences(DecisionRecord record, string written)
    {
        if (Rest(record.Decision) is not { } then || Rest(written) is not { } now) return Plainly(record, written);
        var key = string.Concat(then, "\u0000", now);
        if (Remembered.TryGetValue(key, out var known)) return (known.Differs, known.Before with { Employee = record.Employee, Date = record.Date });
        var found = Plainly(record, written);
        if (Remembered.Count >= MostRemembered) Remembered.Clear();
        Remembered.TryAdd(key, found);
        return found;
    }

    /// <summary>The plain comparison: both decisions read back from their JSON, compared as <c>compare</c> does.</summary>
    internal static (ValueList<string> Differs, Decision Before) Plainly(DecisionRecord record, string written)
    {
        var before = record.Answered();
        return ([.. DecisionDiff.Aspects(before, PolicyJson.Deserialize(written))], before);
    }

    private const int MostRemembered = 10_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (ValueList<string> Differs, Decision Before)> Remembered = new(StringComparer.Ordinal);

    /// <summary>A decision's JSON after its <c>"date":"…",</c> head, or null when it does not start so.</summary>
    private static string? Rest(string decision)
    {
        var date = decision.IndexOf("\",\"date\":\"", StringComparison.Ordinal);
        if (date < 0) return null;
        var end = decision.IndexOf('"', date + 10);
        return end < 0 || end + 1 >= decision.Length ? null : decision[(end + 1)..];
    }

    /// <summary>A kept facts document split into its one employee and the text of everything else, or null when it is not that shape.</summary>
    private static (string Employee, string Surroundings)? Split(DecisionRecord record)
    {
        try
        {
            using var document = JsonDocument.Parse(record.Facts);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return null;
            string? employee = null;
            var rest = new StringBuilder();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.NameEquals("employees"))
                {
                    if (property.Value.ValueKind != JsonValueKind.Array || property.Value.GetArrayLength() != 1) return null;
                    var only = property.Value[0];
                    if (only.ValueKind != JsonValueKind.Object || !only.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || id.GetString() != record.Employee) return null;
                    employee = only.GetRawText();
                    continue;
                }
                if (rest.Length > 0) rest.Append(',');
                rest.Append(JsonSerializer.Serialize(property.Name, Output.Json.PolicyJsonContext.Default.String)).Append(':').Append(property.Value.GetRawText());
            }
            return employee is null ? null : (employee, rest.ToString());
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
