using System.Text;

namespace WorkPolicy.Output;

/// <summary>Writes a file through a temporary file and a rename, so an error never leaves it half-written.</summary>
internal static class AtomicFile
{
    public static void Write(string path, string text) => Write(path, w => w.Write(text));

    /// <summary>Writes what <paramref name="write"/> writes (UTF-8, no BOM), all of it or nothing.</summary>
    public static void Write(string path, Action<TextWriter> write)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new StreamWriter(temp, false, new UTF8Encoding(false), 1 << 16)) write(file);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
