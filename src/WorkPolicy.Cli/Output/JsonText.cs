using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace WorkPolicy.Cli.Output;

/// <summary>The one way the CLI writes JSON: indented, readable non-ASCII, deterministic.</summary>
internal static class JsonText
{
    public static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The text <paramref name="write"/> produces.</summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, Options)) write(w);
        return Encoding.UTF8.GetString(ms.ToArray());
    }
}
