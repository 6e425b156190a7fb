using System.Collections.Frozen;

namespace WorkPolicy.Rules.Facts;

/// <summary>Lookups over a facts file, built once: units by id and each unit's top unit.</summary>
public sealed class FactIndex
{
    private readonly FrozenDictionary<string, UnitFacts> _units;
    private readonly FrozenDictionary<string, UnitFacts> _topUnits;

    /// <summary>Indexes <paramref name="facts"/>; parent cycles are cut (the loader reports them).</summary>
    public FactIndex(FactsFile facts)
    {
        Facts = facts;
        var units = new Dictionary<string, UnitFacts>(StringComparer.Ordinal);
        foreach (var u in facts.Units) units.TryAdd(u.Id, u);
        _units = units.ToFrozenDictionary(StringComparer.Ordinal);
        var tops = new Dictionary<string, UnitFacts>(StringComparer.Ordinal);
        foreach (var u in facts.Units)
        {
            var top = u;
            var seen = new HashSet<string>(StringComparer.Ordinal) { u.Id };
            while (top.Parent is { } p && _units.TryGetValue(p, out var parent) && seen.Add(parent.Id)) top = parent;
            tops.TryAdd(u.Id, top);
        }
        _topUnits = tops.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The indexed facts.</summary>
    public FactsFile Facts { get; }

    /// <summary>The unit with <paramref name="id"/>, or null.</summary>
    public UnitFacts? Unit(string id) => _units.GetValueOrDefault(id);

    /// <summary>The perangkat daerah (root of the parent chain) of unit <paramref name="id"/>, or null.</summary>
    public UnitFacts? TopUnit(string id) => _topUnits.GetValueOrDefault(id);
}
