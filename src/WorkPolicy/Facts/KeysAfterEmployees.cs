using System.Text.Json;
using WorkPolicy.Loading;
using WorkPolicy.Yaml;
using WorkPolicy.Diagnostics;

namespace WorkPolicy.Facts;

/// <summary>
/// The top-level keys a facts document has after its employee list, found by reading it through once with the
/// facts' own readers, the employees skipped: what tells a stream whether facts that decisions read still come after
/// the employees. Null when the document cannot be read through (its own reading then reports why).
/// </summary>
internal static class KeysAfterEmployees
{
    /// <summary>The keys after <c>employees</c> in <paramref name="source"/>, read from where it stands.</summary>
    public static IReadOnlySet<string>? Scan(string path, Stream source)
    {
        var diagnostics = new List<Diagnostic>();
        var reader = StepReader.Open(path, source, diagnostics, Limits.MaxFactsYamlNodes,
            json => new ItemStream("employees", static _ => { }, json ? Skip : null) { Forget = true });
        reader.Run(null);
        if (reader.Root is not YamlMapping root) return null;
        var keys = root.Entries.Select(e => e.Key.Value).ToList();
        var employees = keys.IndexOf("employees");
        return employees < 0 ? new HashSet<string>() : keys.Skip(employees + 1).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Passes over a JSON employee whole (in the window, as every item smaller than the window is).</summary>
    private static bool Skip(ref Utf8JsonReader reader, JsonItemContext context, int budget, out int tokens)
    {
        tokens = 0;
        return reader.TrySkip();
    }
}
