namespace WorkPolicy.Evaluation.Memo;

/// <summary>
/// Verdicts by decision key: open addressing over flat arrays, so a lookup is a multiply, a shift
/// and a compare. Grows to <see cref="MaxEntries"/>, then stops remembering (decisions stay
/// correct, only slower). One per evaluator, so never shared between threads.
/// </summary>
internal sealed class VerdictCache
{
    private const int MaxEntries = 1 << 20;
    private ulong[] _keys = new ulong[256];
    private Verdict[] _values = new Verdict[256];
    private int _count;
    private int _shift = 64 - 8;

    /// <summary>The verdict remembered for <paramref name="key"/>.</summary>
    public bool TryGet(ulong key, out Verdict verdict)
    {
        var stored = key + 1;
        var mask = _keys.Length - 1;
        for (var i = Slot(stored); ; i = (i + 1) & mask)
        {
            var k = _keys[i];
            if (k == stored)
            {
                verdict = _values[i];
                return true;
            }
            if (k == 0)
            {
                verdict = default;
                return false;
            }
        }
    }

    /// <summary>Remembers <paramref name="verdict"/> for <paramref name="key"/> unless the cache is full.</summary>
    public void Add(ulong key, Verdict verdict)
    {
        if (_count >= MaxEntries) return;
        if (2 * (_count + 1) > _keys.Length) Grow();
        Insert(key + 1, verdict);
        _count++;
    }

    private int Slot(ulong stored) => (int)((stored * 0x9E3779B97F4A7C15UL) >> _shift);

    private void Insert(ulong stored, Verdict verdict)
    {
        var mask = _keys.Length - 1;
        var i = Slot(stored);
        while (_keys[i] != 0 && _keys[i] != stored) i = (i + 1) & mask;
        _keys[i] = stored;
        _values[i] = verdict;
    }

    private void Grow()
    {
        var (keys, values) = (_keys, _values);
        _keys = new ulong[keys.Length * 2];
        _values = new Verdict[keys.Length * 2];
        _shift--;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] != 0) Insert(keys[i], values[i]);
        }
    }
}
