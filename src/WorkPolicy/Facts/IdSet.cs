using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace WorkPolicy.Facts;

/// <summary>
/// The ids a facts file has given so far, to refuse one given twice. Exact (the strings, for suggestions), or, for a
/// stream of any length, each id's 128-bit hash: 16 bytes an id however long it is, and no two of the world's
/// ids alike in practice (the chance of one false "given twice" among ten million ids is below 10⁻²³).
/// </summary>
internal sealed class IdSet(bool hashed)
{
    private readonly HashSet<string>? _exact = hashed ? null : new(StringComparer.Ordinal);
    private readonly HashSet<UInt128>? _hashes = hashed ? [] : null;

    /// <summary>Adds <paramref name="id"/>; false when it was there already.</summary>
    public bool Add(string id) => _exact?.Add(id) ?? _hashes!.Add(Hash(id));

    /// <summary>Whether <paramref name="id"/> was given.</summary>
    public bool Contains(string id) => _exact?.Contains(id) ?? _hashes!.Contains(Hash(id));

    /// <summary>The ids themselves, for a did-you-mean; none when only hashes are kept.</summary>
    public IEnumerable<string> Known => _exact ?? Enumerable.Empty<string>();

    private static UInt128 Hash(string id) => XxHash128.HashToUInt128(MemoryMarshal.AsBytes(id.AsSpan()));
}
