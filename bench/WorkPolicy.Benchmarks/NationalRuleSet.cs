using System.Text.RegularExpressions;

namespace WorkPolicy.Benchmarks;

/// <summary>
/// A rule set at national scale: the six sample circulars copied over <c>regions</c> regions each (100: 600 circulars),
/// each copy in a region of its own that the vocabulary declares, ids and regions renamed. The same as
/// <c>bench/national-scale.sh</c> writes.
/// </summary>
internal static partial class NationalRuleSet
{
    [GeneratedRegex(@"^  region (\S+)$", RegexOptions.Multiline)]
    private static partial Regex RegionLine();

    [GeneratedRegex(@"^circular (\S+) \{", RegexOptions.Multiline)]
    private static partial Regex CircularLine();

    /// <summary>Writes the rule set into <paramref name="folder"/>; returns the files written.</summary>
    public static string[] Write(string folder, int regions)
    {
        Directory.CreateDirectory(folder);
        var vocabulary = File.ReadAllText(Path.Combine(Population.Samples, "vocabulary.wp"));
        var declared = new List<string>();
        var written = new List<string>();
        foreach (var sample in Directory.GetFiles(Population.Samples, "*.wp").Where(f => Path.GetFileName(f) != "vocabulary.wp").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(sample);
            var region = RegionLine().Match(text).Groups[1].Value;
            var zone = Regex.Match(vocabulary, $"region {Regex.Escape(region)} name \"[^\"]*\" zone (\\S+)").Groups[1].Value;
            for (var i = 0; i < regions; i++)
            {
                var r = $"{region}-{i:000}";
                declared.Add($"  region {r} name \"{r}\" zone {zone} with java-bali false");
                var copy = CircularLine().Replace(text, m => $"circular {m.Groups[1].Value}-{i:000} {{", 1);
                copy = RegionLine().Replace(copy, $"  region {r}");
                var path = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(sample)}-{i:000}.wp");
                File.WriteAllText(path, copy);
                written.Add(path);
            }
        }
        var end = vocabulary.LastIndexOf('}');
        File.WriteAllText(Path.Combine(folder, "vocabulary.wp"), vocabulary[..end] + string.Join("\n", declared) + "\n}" + vocabulary[(end + 1)..]);
        return [.. written];
    }
}
