using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using NodaTime;
using WorkPolicy.Ast;
using WorkPolicy.Evaluation;

namespace WorkPolicy.Output;

/// <summary>
/// An optimisation: writes a list of decisions fast, byte for byte as <see cref="DecisionJson.WritePlain"/> and the
/// serializer (<see cref="Json.DecisionsDocument"/>) do — the tests hold all three equal.
/// Decisions the memo layer made for one key share one <c>DecisionDetails</c> instance (circulars, provisions,
/// obligations), so each distinct decision less its employee id is written once through <see cref="Utf8JsonWriter"/>
/// into a template, and every decision is that template with its id put in. Chunks are serialized on all
/// cores, each inside its own <c>{ "decisions": [</c> so the indentation is the document's.
/// </summary>
internal static class DecisionTemplates
{
    private const int ChunkSize = 2048;
    private const int ChunksAtOnce = 32;
    // About a kilobyte each: enough for every distinct decision of a large run, bounded when they are all different.
    private const int MaxTemplates = 16_384;
    private const string Placeholder = "\u0001";

    /// <summary>What a template stands for: the engine's shared details (one instance per outcome the memo layer knows) and the rest.</summary>
    private readonly record struct Key(WorkMode Mode, LocalDate Date, DecisionDetails Shared, PoolAssignment? Pool, NotCoveredReason? Reason);

    /// <summary>A decision's bytes as the first item of the array, split where the employee id goes.</summary>
    private sealed record Template(byte[] Before, byte[] After);

    /// <summary>
    /// Writes <paramref name="decisions"/>, taking a window of them at a time (so a streamed sequence is
    /// never held whole) and filling its chunks on all cores.
    /// </summary>
    public static void Write(Stream stream, IEnumerable<Decision> decisions)
    {
        using var source = decisions.GetEnumerator();
        var window = new List<Decision>(ChunkSize * ChunksAtOnce);
        Fill(source, window);
        if (window.Count == 0)
        {
            DecisionJson.WritePlain(stream, window);
            return;
        }
        var templates = new ConcurrentDictionary<Key, Template>();
        var newLine = Encoding.UTF8.GetBytes(JsonText.Options.NewLine);
        stream.Write(Head());
        for (var written = false; window.Count > 0; Fill(source, window))
        {
            var count = (window.Count + ChunkSize - 1) / ChunkSize;
            var parts = new byte[count][];
            Parallel.For(0, count, c =>
            {
                var start = c * ChunkSize;
                parts[c] = Chunk(window, start, Math.Min(window.Count, start + ChunkSize), templates);
            });
            foreach (var part in parts)
            {
                if (written) stream.WriteByte((byte)',');
                stream.Write(part);
                written = true;
            }
        }
        stream.Write(newLine);
        stream.Write("  ]"u8);
        stream.Write(newLine);
        stream.Write("}"u8);
    }

    private static void Fill(IEnumerator<Decision> source, List<Decision> window)
    {
        window.Clear();
        while (window.Count < window.Capacity && source.MoveNext()) window.Add(source.Current);
    }

    /// <summary>What the writer puts before the first decision: <c>{</c>, a line break and <c>"decisions": [</c>.</summary>
    private static byte[] Head() => Written(null).ToArray();

    /// <summary>The writer's bytes for the document's opening and, when given, <paramref name="first"/> as its first decision.</summary>
    private static ReadOnlySpan<byte> Written(Decision? first)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, JsonText.Options))
        {
            w.WriteStartObject();
            w.WriteStartArray("decisions");
            if (first is not null) DecisionJson.WriteDecision(w, first);
        }
        return buffer.WrittenSpan;
    }

    private static byte[] Chunk(IReadOnlyList<Decision> decisions, int start, int end, ConcurrentDictionary<Key, Template> templates)
    {
        var buffer = new ArrayBufferWriter<byte>(1024 * (end - start + 1));
        for (var i = start; i < end; i++)
        {
            if (i > start) buffer.Write(","u8);
            var d = decisions[i];
            var template = Of(d, templates);
            buffer.Write(template.Before);
            WriteId(buffer, d.Employee);
            buffer.Write(template.After);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The decision's template: remembered when it can be shared (and while there are not too many), else made for it alone.</summary>
    private static Template Of(Decision d, ConcurrentDictionary<Key, Template> templates)
    {
        // A decision made outside the engine, naming its own unknowns, or changed by 'with' since, shares nothing.
        if (!d.Unknown.IsEmpty || d.Shared is not { } shared || d.Circulars.Items != shared.Circulars || d.Provisions.Items != shared.Provisions || d.Obligations.Items != shared.Obligations) return Make(d);
        var key = new Key(d.Mode, d.Date, shared, d.Pool, d.Reason);
        if (templates.TryGetValue(key, out var known)) return known;
        // Count takes every lock of the dictionary, so it is read on a miss only.
        return templates.Count < MaxTemplates ? templates.GetOrAdd(key, _ => Make(d)) : Make(d);
    }

    private static Template Make(Decision d)
    {
        var item = Written(d with { Employee = Placeholder })[HeadLength..];
        // The employee comes first, so the first escaped placeholder is the id's place.
        var hole = item.IndexOf("\"\\u0001\""u8);
        return new Template(item[..(hole + 1)].ToArray(), item[(hole + 7)..].ToArray());
    }

    private static readonly int HeadLength = Head().Length;

    /// <summary>The id as a JSON string body: its UTF-8 bytes when nothing needs escaping (the usual case, with no allocation).</summary>
    private static void WriteId(ArrayBufferWriter<byte> buffer, string id)
    {
        var span = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(id.Length));
        var length = Encoding.UTF8.GetBytes(id, span);
        if (JsonText.Options.Encoder!.FindFirstCharacterToEncodeUtf8(span[..length]) < 0)
        {
            buffer.Advance(length);
            return;
        }
        buffer.Write(JsonEncodedText.Encode(id, JsonText.Options.Encoder).EncodedUtf8Bytes);
    }
}
