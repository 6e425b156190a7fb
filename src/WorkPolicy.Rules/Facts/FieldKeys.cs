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
        var max = -1;
        foreach (var (key, _) in fields) max = Math.Max(max, Intern(key));
        var slots = new FactValue?[max + 1];
        foreach (var (key, value) in fields) slots[Intern(key)] = value;
        return slots;
    }
}
