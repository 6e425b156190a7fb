using WorkPolicy.Loading;
using WorkPolicy.Printing;
using WorkPolicy.Ast;

namespace WorkPolicy.Output;

/// <summary>Canonical text of rule files, with the checks that make rewriting safe.</summary>
internal static class Canonical
{
    /// <summary>The canonical text of <paramref name="file"/>; a YAML file names the schema as seen from <paramref name="writtenTo"/> (default: where it was read).</summary>
    public static string Print(RuleFile file, RuleEncoding encoding, string? writtenTo = null) =>
        encoding == RuleEncoding.Dsl ? DslPrinter.Print(file) : YamlPrinter.Print(file, SchemaReference.For(writtenTo ?? file.Path));

    /// <summary>
    /// True when the canonical text reads back to text that prints the same: a printer defect
    /// then shows up as a refusal, never as a rewritten file that lost something.
    /// </summary>
    public static bool RoundTrips(string path, string canonical, RuleEncoding encoding)
    {
        var again = RuleLoader.Parse(path, canonical, encoding);
        return !again.HasErrors && Print(again.File, encoding) == canonical;
    }
}
