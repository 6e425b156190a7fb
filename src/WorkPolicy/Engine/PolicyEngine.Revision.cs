using System.Security.Cryptography;
using System.Text;

namespace WorkPolicy;

public sealed partial class PolicyEngine
{
    private string? _revision;

    /// <summary>
    /// Names the rules: a hash of the rule files' content (each file's name and text, in the order loaded), the same
    /// for the same files wherever they lie — what a decision service reports, and records keep, as "the rules that
    /// answered": made from the texts that were parsed, never read again. Files read from memory (<see cref="RuleSource"/>)
    /// hash their text as given.
    /// </summary>
    /// <example><c>engine.Revision</c> → <c>"r-3f9a1c02d4b7"</c></example>
    public string Revision => _revision ??= Hash();

    /// <summary>
    /// The rule files the rules were read from, in the order loaded — a folder's nearest <c>vocabulary.*</c> above it
    /// included — or the names given with <see cref="RuleSource"/> texts: what a host watches for edits.
    /// </summary>
    /// <example><c>engine.SourcePaths</c> → <c>["samples/circulars/vocabulary.wp", "samples/circulars/palopo.wp", …]</c></example>
    public ValueList<string> SourcePaths => [.. Rules.Model.Files.Select(f => f.Path)];

    private string Hash()
    {
        // The digests of the very texts that were parsed (RuleFile.Digest): no file is read again.
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Rules.Model.Files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file.Path) + "\n"));
            sha.AppendData(file.Digest);
        }
        return "r-" + Convert.ToHexStringLower(sha.GetHashAndReset())[..12];
    }
}
