namespace WorkPolicy.Tests;

/// <summary>A temporary rule folder: the sample vocabulary and one small circular in Luwu Utara, removed on dispose.</summary>
internal sealed class TempRules : IDisposable
{
    /// <summary>Writes <c>t.wp</c>: circular <c>t-2021</c> with <paramref name="period"/> and the provisions given (indented as a circular's body).</summary>
    public TempRules(string period, string provisions)
    {
        File.Copy(Repo.Path("samples", "circulars", "vocabulary.wp"), System.IO.Path.Combine(Folder, "vocabulary.wp"));
        File.WriteAllText(System.IO.Path.Combine(Folder, "t.wp"),
            $"circular t-2021 {{\n  number \"1/2021\"\n  issuer \"Bupati\"\n  region kab-luwu-utara\n  zone Asia/Makassar\n  period {period}\n\n{provisions}}}\n");
    }

    /// <summary>The folder.</summary>
    public string Folder { get; } = Directory.CreateTempSubdirectory("wp-rules-").FullName;

    /// <summary>A path inside the folder.</summary>
    public string Path(string name) => System.IO.Path.Combine(Folder, name);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
