using WorkPolicy.Diagnostics;

namespace WorkPolicy.Yaml;

/// <summary>
/// A document read into a <see cref="TreeBuilder"/> in steps (<see cref="JsonStepReader"/>, <see cref="YamlStepReader"/>):
/// <see cref="Run"/> goes on until asked to pause or the document ends, and the next call goes on from there.
/// </summary>
internal interface IStepReader
{
    /// <summary>Whether the document was read to its end or given up on.</summary>
    bool Done { get; }

    /// <summary>The finished document, or null while reading or when it could not be read (see the diagnostics).</summary>
    YamlNode? Root { get; }

    /// <summary>Reads until <paramref name="pause"/> says so after a token or event, or to the end.</summary>
    void Run(Func<bool>? pause);
}

/// <summary>Step readers over a stream.</summary>
internal static class StepReader
{
    /// <summary>
    /// A reader of the document in <paramref name="source"/> (from where it stands), read as it is needed: JSON when its
    /// first character but spaces and a BOM is <c>{</c>, YAML otherwise. <paramref name="items"/> gives the list stream
    /// for the syntax found (JSON or not).
    /// </summary>
    public static IStepReader Open(string path, Stream source, List<Diagnostic> diagnostics, int maxNodes, Func<bool, ItemStream?> items)
    {
        var head = new byte[4096];
        var n = 0;
        // Enough of the start to tell JSON from YAML: the first byte that is not a space or a BOM.
        while (n < head.Length && source.Read(head, n, head.Length - n) is var got and > 0)
        {
            n += got;
            if (Body(head.AsSpan(0, n)).IndexOfAnyExcept(" \t\r\n"u8) >= 0) break;
        }
        var start = head.AsSpan(0, n);
        return JsonTreeReader.LooksLikeJson(Body(start))
            ? new JsonStepReader(path, new JsonWindow(source, Body(start)), diagnostics, Loading.Limits.MaxYamlDepth, maxNodes, items(true))
            : new YamlStepReader(path, new Loading.CheckedText(path, source, start), diagnostics, maxNodes, items(false));

        static ReadOnlySpan<byte> Body(ReadOnlySpan<byte> bytes) => bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
    }
}
