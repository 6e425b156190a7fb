using WorkPolicy.Dsl.Loading;
using WorkPolicy.Dsl.Printing;
using WorkPolicy.Rules.Ast;
using WorkPolicy.Rules.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace WorkPolicy.Dsl.Output;

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

    /// <summary>The text less its whole-line comments: a file that is canonical but for them is left as it is.</summary>
    public static string WithoutCommentLines(string text) =>
        string.Join('\n', text.Split('\n').Where(l => !l.TrimStart().StartsWith('#')));

    /// <summary>Whether the file has comments, which canonical layout does not keep.</summary>
    public static bool HasComments(string text, RuleEncoding encoding)
    {
        if (encoding == RuleEncoding.Dsl)
        {
            var inString = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\\' && inString) { i++; continue; }
                if (c == '"') inString = !inString;
                else if (c == '\n') inString = false;
                else if (c == '#' && !inString) return true;
            }
            return false;
        }
        try
        {
            var scanner = new Scanner(new StringReader(text), skipComments: false);
            while (scanner.MoveNext())
            {
                if (scanner.Current is Comment comment && !("#" + comment.Value).StartsWith("# yaml-language-server:", StringComparison.Ordinal)) return true;
            }
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
        return false;
    }

    public static Diagnostic CommentsKept(string path) => Diagnostic.Create(DiagnosticMessages.FileHasComments, SourceSpan.At(path, 1, 1));
}
