using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace WorkPolicy.Hosting;

/// <summary>
/// Where a SQLite store's records land before they are indexed: two files beside the database
/// (<c>records.db-landing-0</c> and <c>-1</c>, mode 0600), preallocated and written in turn. A batch is one frame
/// written through to the disk — one system call to blocks that already exist, about a third of a SQLite commit of the
/// same batch on this machine (120 µs against 370 µs) — and is durable then. The store copies landed batches into its
/// table in large transactions afterwards, noting in the same transaction how far it got
/// (<see cref="LandingPosition"/>); at start the frames past that mark are copied, none twice, and a purged record is
/// never brought back.
/// </summary>
/// <remarks>
/// A frame: magic, payload length, generation, XxHash64 of generation and payload, then the payload (the batch's
/// records, each as eight length-prefixed UTF-8 strings). Generation <c>g</c> is written in file <c>g % 2</c> from its
/// start; reading a file stops at the first frame that is torn (its hash does not match) or older than the file's first
/// frame, so a frame half-written by a crash — never acknowledged — and the stale frames of an earlier turn are not read.
/// The files are locked while open (advisory lock): a second process on the same store reads and writes the database
/// without landing, leaving the log to its owner.
/// </remarks>
internal sealed class RecordLandingLog : IDisposable
{
    /// <summary>Each file's preallocated size: 8 MiB, some 5,000 records (a batch larger than a file grows it).</summary>
    public const int FileSize = 8 << 20;

    private const uint Magic = 0x31444C57; // "WLD1"
    private const int HeaderSize = 24;
    /// <summary>Frames start on a block of the file: a frame's write never shares a block with the one before.</summary>
    private const int Block = 4096;

    private readonly SafeFileHandle[] _files;
    private byte[] _frame = new byte[64 * 1024];
    private int _length;
    private long _generation;
    private long _offset;
    private LandingPosition _lastOfPrevious;

    private RecordLandingLog(SafeFileHandle[] files) => _files = files;

    /// <summary>The files' names for the database at <paramref name="database"/>.</summary>
    public static string[] PathsOf(string database) => [database + "-landing-0", database + "-landing-1"];

    /// <summary>
    /// Opens (creating and preallocating) the log of <paramref name="database"/>, or null when another process holds it.
    /// </summary>
    public static RecordLandingLog? TryOpen(string database)
    {
        var handles = new List<SafeFileHandle>(2);
        try
        {
            foreach (var path in PathsOf(database))
            {
                var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
                if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                // Write-through (O_SYNC): a write returns once durable — a batch is one system call, not a write and an fsync.
                var handle = File.OpenHandle(path, options.Mode, options.Access, options.Share, FileOptions.WriteThrough);
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(handle, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                handles.Add(handle);
                Preallocate(handle);
            }
            return new RecordLandingLog([.. handles]);
        }
        catch (IOException)
        {
            // Locked by the process that serves this store: it lands and indexes; this one goes to the database.
            foreach (var h in handles) h.Dispose();
            return null;
        }
    }

    /// <summary>
    /// Zeros written up to <see cref="FileSize"/>, through to the disk: a later write then changes no block map and
    /// flushes data only (a frame appended to a growing file took twice as long to be durable).
    /// </summary>
    private static void Preallocate(SafeFileHandle handle)
    {
        var length = RandomAccess.GetLength(handle) / Block * Block;
        if (length >= FileSize) return;
        var zeros = new byte[1 << 20];
        for (var at = length; at < FileSize; at += zeros.Length)
            RandomAccess.Write(handle, zeros.AsSpan(0, (int)Math.Min(zeros.Length, FileSize - at)), at);
    }

    /// <summary>
    /// The frames of both files that lie past <paramref name="mark"/>, in the order they were written; and, from then on,
    /// appends start a generation newer than any found.
    /// </summary>
    public List<(LandingPosition End, List<DecisionRecord> Records)> Recover(LandingPosition mark)
    {
        var frames = new List<(LandingPosition End, List<DecisionRecord> Records)>();
        var newest = mark.Generation;
        foreach (var file in _files)
        {
            foreach (var (end, payload) in Frames(file))
            {
                newest = Math.Max(newest, end.Generation);
                if (end.CompareTo(mark) > 0) frames.Add((end, Decode(payload)));
            }
        }
        frames.Sort((a, b) => a.End.CompareTo(b.End));
        // Everything found is indexed before the first append (the store copies it at start): both files are free.
        _generation = newest + 1;
        _offset = 0;
        _lastOfPrevious = LandingPosition.None;
        return frames;
    }

    private static IEnumerable<(LandingPosition End, byte[] Payload)> Frames(SafeFileHandle file)
    {
        // Read whole (8 MiB; more only where one batch was larger than a file).
        var whole = new byte[(int)Math.Min(Array.MaxLength, RandomAccess.GetLength(file))];
        var length = RandomAccess.Read(file, whole, 0);
        long at = 0, generation = -1;
        while (at + HeaderSize <= length)
        {
            var header = whole.AsSpan((int)at, HeaderSize);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != Magic) yield break;
            var size = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
            var frameGeneration = BinaryPrimitives.ReadInt64LittleEndian(header[8..]);
            if (size < 4 || at + HeaderSize + size > length || (generation >= 0 && frameGeneration != generation)) yield break;
            var payload = whole.AsSpan((int)at + HeaderSize, size);
            if (Hash(header.Slice(8, 8), payload) != BinaryPrimitives.ReadUInt64LittleEndian(header[16..])) yield break;
            generation = frameGeneration;
            at = Round(at + HeaderSize + size);
            yield return (new LandingPosition(generation, at), payload.ToArray());
        }
    }

    private static long Round(long length) => (length + Block - 1) / Block * Block;

    /// <summary>Whether a batch of <paramref name="records"/> goes on in the current file (else <see cref="Turn"/> first).</summary>
    public bool Fits(IReadOnlyList<DecisionRecord> records)
    {
        Encode(records);
        return _offset == 0 || _offset + Round(_length) <= FileSize;
    }

    /// <summary>What must be indexed before <see cref="Turn"/>: the last frame the other file holds.</summary>
    public LandingPosition TurnNeeds => _lastOfPrevious;

    /// <summary>Goes on in the other file, from its start, in a new generation (its old frames are indexed).</summary>
    public void Turn()
    {
        _lastOfPrevious = new LandingPosition(_generation, _offset);
        _generation++;
        _offset = 0;
    }

    /// <summary>
    /// Writes the batch last passed to <see cref="Fits"/> as one frame and syncs it: durable when this returns. Returns
    /// the frame's end, the mark the store notes once the batch is indexed.
    /// </summary>
    public LandingPosition Append()
    {
        Seal();
        var file = _files[_generation % 2];
        // Padded to whole blocks with zeros (the reader skips to the next block; a later frame overwrites them).
        var padded = (int)Round(_length);
        _frame.AsSpan(_length, padded - _length).Clear();
        RandomAccess.Write(file, _frame.AsSpan(0, padded), _offset);
        _offset += padded;
        return new LandingPosition(_generation, _offset);
    }

    private void Encode(IReadOnlyList<DecisionRecord> records)
    {
        _length = HeaderSize + 4;
        foreach (var r in records)
        {
            for (var column = 0; column < RecordTexts.Count; column++) Put(RecordTexts.Of(r, column));
        }
        BinaryPrimitives.WriteInt32LittleEndian(_frame.AsSpan(HeaderSize), records.Count);
    }

    /// <summary>The header, once the payload's length and the generation it lands in are known.</summary>
    private void Seal()
    {
        var frame = _frame.AsSpan(0, _length);
        BinaryPrimitives.WriteUInt32LittleEndian(frame, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(frame[4..], _length - HeaderSize);
        BinaryPrimitives.WriteInt64LittleEndian(frame[8..], _generation);
        BinaryPrimitives.WriteUInt64LittleEndian(frame[16..], Hash(frame.Slice(8, 8), frame[HeaderSize..]));
    }

    private void Put(string text)
    {
        var size = Encoding.UTF8.GetMaxByteCount(text.Length);
        // Room for the text and for the padding after it.
        if (_length + 4 + size + Block > _frame.Length) Array.Resize(ref _frame, Math.Max(_frame.Length * 2, _length + 4 + size + Block));
        var written = Encoding.UTF8.GetBytes(text, _frame.AsSpan(_length + 4));
        BinaryPrimitives.WriteInt32LittleEndian(_frame.AsSpan(_length), written);
        _length += 4 + written;
    }

    private static ulong Hash(ReadOnlySpan<byte> generation, ReadOnlySpan<byte> payload)
    {
        var hash = new XxHash64();
        hash.Append(generation);
        hash.Append(payload);
        return hash.GetCurrentHashAsUInt64();
    }

    private static List<DecisionRecord> Decode(byte[] payload)
    {
        var at = 4;
        string Next(int column)
        {
            var size = BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(at));
            var text = Encoding.UTF8.GetString(payload, at + 4, size);
            at += 4 + size;
            return text;
        }
        var count = BinaryPrimitives.ReadInt32LittleEndian(payload);
        var records = new List<DecisionRecord>(count);
        for (var i = 0; i < count; i++) records.Add(RecordTexts.Read(Next));
        return records;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var f in _files) f.Dispose();
    }
}

/// <summary>How far the landing log goes: a generation and an offset in its file; later frames compare greater.</summary>
internal readonly record struct LandingPosition(long Generation, long Offset) : IComparable<LandingPosition>
{
    /// <summary>Before any frame.</summary>
    public static LandingPosition None => new(0, 0);

    /// <inheritdoc/>
    public int CompareTo(LandingPosition other) =>
        Generation != other.Generation ? Generation.CompareTo(other.Generation) : Offset.CompareTo(other.Offset);
}
