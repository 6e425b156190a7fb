using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace WorkPolicy.Facts;

/// <summary>
/// An employee's fields in little memory: the keys, in the order they were given, shared by every employee given the
/// same keys (a <see cref="FieldShape"/>), and the values in an array. A million employees held whole (a roster of a
/// million over a month) keep one small array each instead of a hash table each. An optimisation of the dictionary the
/// loaders fill, which it is made from: it reads the same, key by key and in order.
/// </summary>
internal sealed class CompactFields(FieldShape shape, FactValue[] values) : IReadOnlyDictionary<string, FactValue>
{
    /// <summary>The keys, shared.</summary>
    public FieldShape Shape { get; } = shape;

    /// <summary>The values, by the shape's key order.</summary>
    public FactValue[] Slots { get; } = values;

    public int Count => Slots.Length;

    public FactValue this[string key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => Shape.Keys;

    public IEnumerable<FactValue> Values => Slots;

    public bool ContainsKey(string key) => Shape.IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out FactValue value)
    {
        var i = Shape.IndexOf(key);
        value = i >= 0 ? Slots[i] : null;
        return i >= 0;
    }

    public IEnumerator<KeyValuePair<string, FactValue>> GetEnumerator()
    {
        for (var i = 0; i < Slots.Length; i++) yield return new(Shape.Keys[i], Slots[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A sequence of field keys several employees share.</summary>
internal sealed class FieldShape
{
    private readonly Dictionary<string, int>? _index;

    public FieldShape(string[] keys)
    {
        Keys = keys;
        // A few keys are found fastest by looking; many by hashing.
        if (keys.Length > 8) _index = keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal);
    }

    public string[] Keys { get; }

    public int IndexOf(string key)
    {
        if (_index is not null) return _index.TryGetValue(key, out var i) ? i : -1;
        for (var i = 0; i < Keys.Length; i++)
            if (string.Equals(Keys[i], key, StringComparison.Ordinal)) return i;
        return -1;
    }
}

/// <summary>
/// The shapes met in one load, each made once: a file's employees mostly share a handful. Bounded — past
/// <see cref="MaxShapes"/> distinct key sequences (a hostile file) each employee keeps a shape of its own.
/// </summary>
internal sealed class FieldShapes
{
    public const int MaxShapes = 4096;
    private readonly Dictionary<int, List<FieldShape>> _byHash = [];
    private int _count;

    /// <summary>The fields of <paramref name="given"/>, compact; <paramref name="given"/> may be reused afterwards.</summary>
    public CompactFields Compact(Dictionary<string, FactValue> given)
    {
        var hash = new HashCode();
        foreach (var key in given.Keys) hash.Add(key, StringComparer.Ordinal);
        var h = hash.ToHashCode();
        FieldShape? shape = null;
        if (_byHash.TryGetValue(h, out var candidates))
            foreach (var c in candidates)
                if (Same(c, given)) { shape = c; break; }
        if (shape is null)
        {
            shape = new FieldShape([.. given.Keys]);
            if (_count < MaxShapes)
            {
                if (candidates is null) _byHash[h] = candidates = [];
                candidates.Add(shape);
                _count++;
            }
        }
        var values = new FactValue[given.Count];
        var i = 0;
        foreach (var v in given.Values) values[i++] = v;
        return new CompactFields(shape, values);
    }

    private static bool Same(FieldShape shape, Dictionary<string, FactValue> given)
    {
        if (shape.Keys.Length != given.Count) return false;
        var i = 0;
        foreach (var key in given.Keys)
            if (!string.Equals(shape.Keys[i++], key, StringComparison.Ordinal)) return false;
        return true;
    }
}
