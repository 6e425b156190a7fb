namespace WorkPolicy.Facts;

/// <summary>Where a unit stands among its parents: the one rule for a unit's perangkat daerah.</summary>
internal static class UnitTree
{
    /// <summary>
    /// The root of <paramref name="unit"/>'s parent chain (its perangkat daerah), following <paramref name="units"/>; a
    /// parent not among them ends the chain, and a cycle is cut where it closes (the loader reports both).
    /// </summary>
    public static UnitFacts Top(UnitFacts unit, IReadOnlyDictionary<string, UnitFacts> units)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { unit.Id };
        var top = unit;
        while (top.Parent is { } p && units.TryGetValue(p, out var parent) && seen.Add(parent.Id)) top = parent;
        return top;
    }
}
