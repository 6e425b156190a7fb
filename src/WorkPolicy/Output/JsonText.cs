using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace WorkPolicy.Output;

/// <summary>The one way the engine writes JSON: indented, readable non-ASCII, deterministic.</summary>
internal static class JsonText
{
    public static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The same on one line: for machines (a service's answers, the records it keeps).</summary>
    public static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The text <paramref name="write"/> produces.</summary>
    public static string Write(Action<Utf8JsonWriter> write, bool indented = true)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, indented ? Options : Compact)) write(w);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>The compact UTF-8 bytes <paramref name="write"/> produces: a value to be placed by another writer.</summary>
    public static byte[] Utf8(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, Compact)) write(w);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes what <paramref name="write"/> produces to <paramref name="stream"/>.</summary>
    public static void WriteTo(Stream stream, Action<Utf8JsonWriter> write)
    {
        using var w = new Utf8JsonWriter(stream, Options);
        write(w);
    }
}
