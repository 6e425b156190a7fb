namespace WorkPolicy.Rules.Facts;

/// <summary>
/// Process-wide numbers for fact keys (e.g. <c>health.healthy</c>), so compiled rules read
/// facts from arrays by slot instead of hashing strings on every decision.
/// </summary>
public static class FieldKeys
{
    private static readonly StringNumbers Numbers = new();

    /// <summary>The slot of <paramref name="key"/>, assigning the next one on first use.</summary>
    public static int Intern(string key) => Numbers.Of(key);

    /// <summary>Lays out <paramref name="fields"/> by slot.</summary>
    public static FactValue?[] Slots(IReadOnlyDictionary<string, FactValue> fields)
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
