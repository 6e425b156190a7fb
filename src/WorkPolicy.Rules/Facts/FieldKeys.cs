namespace WorkPolicy.Rules.Facts;

/// <summary>
/// Process-wide numbers for fact keys (e.g. <c>health.healthy</c>), so compiled rules read
/// facts from arrays by slot instead of hashing strings on every decision.
/// </summary>
public static class FieldKeys
{
    private static readonly StringNumbers Numbers = new();
    private const int MaxRemembered = 4096;

    // A facts file repeats the same key objects for every employee: remembering them by reference,
    // per thread, spares hashing the text on each of a million lookups.
    [ThreadStatic]
    private static Dictionary<string, int>? t_byReference;

    /// <summary>The slot of <paramref name="key"/>, assigning the next one on first use.</summary>
    public static int Intern(string key)
    {
        var known = t_byReference ??= new Dictionary<string, int>(ReferenceEqualityComparer.Instance);
        if (known.TryGetValue(key, out var slot)) return slot;
        slot = Numbers.Of(key);
        if (known.Count < MaxRemembered) known[key] = slot;
        return slot;
    }

    /// <summary>Lays out <paramref name="fields"/> by slot.</summary>
    public static FactValue?[] Slots(IReadOnlyDictionary<string, FactValue> fields)
    {
        // The loaders make dictionaries: enumerate those without boxing an enumerator.
        return fields is Dictionary<string, FactValue> dictionary ? Slots(dictionary) : Slots(new Dictionary<string, FactValue>(fields, StringComparer.Ordinal));
    }

    private static FactValue?[] Slots(Dictionary<string, FactValue> fields)
    {
        // One lookup per key: the slots are kept while the largest is found.
        Span<int> slots = fields.Count <= 64 ? stackalloc int[fields.Count] : new int[fields.Count];
        var max = -1;
        var i = 0;
        foreach (var (key, _) in fields) max = Math.Max(max, slots[i++] = Intern(key));
        var row = new FactValue?[max + 1];
        i = 0;
        foreach (var (_, value) in fields) row[slots[i++]] = value;
        return row;
    }
}
