using System.Collections.Concurrent;

namespace WorkPolicy.Rules.Facts;

/// <summary>Dense numbers for strings, 0, 1, 2, … in order of first use; safe across threads.</summary>
internal sealed class StringNumbers
{
    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <summary>The number of <paramref name="text"/>, assigning the next one on first use.</summary>
    public int Of(string text)
    {
        if (_ids.TryGetValue(text, out var id)) return id;
        // Under the lock, so two threads cannot both take the same next number.
        lock (_gate)
        {
            return _ids.GetOrAdd(text, _ => _ids.Count);
        }
    }
}
