using System.Collections.Concurrent;

namespace WorkPolicy.Rules.Facts;

/// <summary>
/// Process-wide numbers for fact keys (e.g. <c>health.healthy</c>), so compiled rules read
/// facts from arrays by slot instead of hashing strings on every decision.
/// </summary>
public static class FieldKeys
{
    private static readonly ConcurrentDictionary<string, int> Ids = new(StringComparer.Ordinal);
    private static readonly object Gate = new();

    /// <summary>The slot of <paramref name="key"/>, assigning the next one on first use.</summary>
    public static int Intern(string key)
    {
        if (Ids.TryGetValue(key, out var id)) return id;
        lock (Gate)
        {
            return Ids.GetOrAdd(key, _ => Ids.Count);
        }
    }

    /// <summary>Lays out <paramref name="fields"/> by slot.</summary>
    public static FactValue?[] Slots(IEnumerable<KeyValuePair<string, FactValue>> fields)
    {
        var pairs = fields.Select(f => (Slot: Intern(f.Key), f.Value)).ToList();
        var slots = new FactValue?[pairs.Count == 0 ? 0 : pairs.Max(p => p.Slot) + 1];
        foreach (var (slot, value) in pairs) slots[slot] = value;
        return slots;
    }
}
