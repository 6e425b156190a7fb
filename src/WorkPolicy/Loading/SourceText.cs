using System.Text;
using WorkPolicy.Diagnostics;

namespace WorkPolicy.Loading;

/// <summary>Reads files as strict UTF-8 (BOM dropped, CRLF kept as is for the parsers to treat as white space).</summary>
internal static class SourceText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text of <paramref name="path"/>, or null with a diagnostic.</summary>
    public static string? Read(string path, List<Diagnostic> diagnostics) => Read(path, diagnostics, Limits.MaxFileBytes);

    /// <summary>The text of <paramref name="path"/> if it is at most <paramref name="maxBytes"/> long, or null with a diagnostic.</summary>
    public static string? Read(string path, List<Diagnostic> diagnostics, long maxBytes) =>
        ReadBytes(path, diagnostics, maxBytes) is { } bytes ? Decode(path, bytes, diagnostics) : null;

    /// <summary>The bytes of <paramref name="path"/> if it is at most <paramref name="maxBytes"/> long, or null with a diagnostic.</summary>
    public static byte[]? ReadBytes(string path, List<Diagnostic> diagnostics, long maxBytes)
    {
        using var file = Open(path, diagnostics);
        if (file is null) return null;
        try
        {
            if (file.Length > maxBytes)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticMessages.FileTooLarge, SourceSpan.At(path, 1, 1), maxBytes / (1024 * 1024)));
                return null;
            }
            var bytes = new byte[file.Length];
            file.ReadExactly(bytes);
            return bytes;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticMessages.CannotReadFile, SourceSpan.At(path, 1, 1), ex.Message));
            return null;
        }
    }

    /// <summary>
    /// <paramref name="path"/> opened to be read from start to end (a facts stream reads it as it goes), or null with a
    /// diagnostic: not found, a folder (said so: "file not found" misled), or not readable.
    /// </summary>
    public static FileStream? Open(string path, List<Diagnostic> diagnostics)
    {
        try
        {
            if (!File.Exists(path))
            {
                diagnostics.Add(Diagnostic.Create(Directory.Exists(path) ? DiagnosticMessages.FolderNotFile : DiagnosticMessages.FileNotFound, SourceSpan.At(path, 1, 1)));
                return null;
            }
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticMessages.CannotReadFile, SourceSpan.At(path, 1, 1), ex.Message));
            return null;
        }
    }

    /// <summary>Decodes UTF-8 bytes, reporting the line and column of the first invalid byte.</summary>
    public static string? Decode(string path, byte[] bytes, List<Diagnostic> diagnostics)
    {
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return Strict.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = start + Math.Max(0, ex.Index);
            var goodPrefix = Encoding.UTF8.GetString(bytes, start, Math.Max(0, Math.Min(offset, bytes.Length) - start));
            var line = 1 + goodPrefix.Count(c => c == '\n');
            var col = goodPrefix.Length - (goodPrefix.LastIndexOf('\n') + 1) + 1;
            diagnostics.Add(Diagnostic.Create(DiagnosticMessages.FileNotValidUtf8, SourceSpan.At(path, line, col)));
            return null;
        }
    }
}
