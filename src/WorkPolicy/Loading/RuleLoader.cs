using System.Collections.Immutable;
using WorkPolicy.Parsing;
using WorkPolicy.Yaml;
using WorkPolicy.Ast;
using WorkPolicy.Checking;
using WorkPolicy.Diagnostics;

namespace WorkPolicy.Loading;


/// <summary>Loads rule files and folders (a folder: the rule files directly in it), in sorted, deterministic order.</summary>
internal static class RuleLoader
{
    /// <summary>The encoding a path's extension names, or null when it is not a rule file.</summary>
    public static RuleEncoding? EncodingOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".wp" => RuleEncoding.Dsl,
        ".yaml" or ".yml" => RuleEncoding.Yaml,
        _ => null,
    };

    /// <summary>Parses text in the given encoding.</summary>
    public static ParseResult Parse(string path, string text, RuleEncoding encoding) => ParseCache.Get(path, text, encoding, ParseNew);

    /// <summary>The parse itself, which <see cref="ParseCache"/> remembers (an optimisation: a reload parses only the files that changed).</summary>
    internal static ParseResult ParseNew(string path, string text, RuleEncoding encoding)
    {
        var parsed = encoding == RuleEncoding.Dsl ? DslParser.Parse(path, text) : YamlRuleLoader.Load(path, text);
        var digest = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal)));
        return parsed with { File = CommentTrivia.Attach(parsed.File, text, encoding) with { Digest = digest } };
    }

    /// <summary>The rule files a path names: itself, or the rule files directly in a folder.</summary>
    public static IReadOnlyList<string> Expand(string path, List<Diagnostic> diagnostics)
    {
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path)
                .Where(f => EncodingOf(f) is not null && !IsFactsOrTests(f))
                .Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0) diagnostics.Add(Diagnostic.Create(DiagnosticMessages.FolderWithoutRuleFiles, SourceSpan.At(path, 1, 1)));
            return files;
        }
        if (File.Exists(path)) return [path];
        diagnostics.Add(Diagnostic.Create(DiagnosticMessages.NoSuchPath, SourceSpan.At(path, 1, 1)));
        return [];
    }

    private static readonly string[] VocabularyNames = ["vocabulary.wp", "vocabulary.yaml", "vocabulary.yml"];

    private static bool IsVocabularyFile(string path) => VocabularyNames.Contains(Path.GetFileName(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>The first vocabulary file in the paths' folders or up to three folders above them.</summary>
    public static string? NearestVocabulary(IEnumerable<string> paths)
    {
        foreach (var p in paths)
        {
            var full = Path.GetFullPath(p);
            var dir = Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full).Directory;
            for (var up = 0; dir is not null && up <= 3; up++, dir = dir.Parent)
            {
                foreach (var name in VocabularyNames)
                {
                    var candidate = Path.Combine(dir.FullName, name);
                    if (File.Exists(candidate)) return candidate;
                }
            }
        }
        return null;
    }

    /// <summary>Facts and analyst test files live beside rules; their names say which they are.</summary>
    public static bool IsFactsOrTests(string path)
    {
        var name = Path.GetFileName(path);
        return name.Contains(".facts.", StringComparison.OrdinalIgnoreCase) || name.Contains(".tests.", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Loads every rule file under <paramref name="paths"/>; <paramref name="open"/>: texts not yet saved, by full path (an editor's).</summary>
    public static (ImmutableArray<RuleFile> Files, ImmutableArray<Diagnostic> Diagnostics) LoadAll(IEnumerable<string> paths, IReadOnlyDictionary<string, string>? open = null)
    {
        var diagnostics = new List<Diagnostic>();
        // A file held open but never saved exists for the loader all the same.
        var list = paths.SelectMany(p => open?.ContainsKey(Path.GetFullPath(p)) == true ? [p] : Expand(p, diagnostics)).ToList();
        // Files parse independently, so on all cores; results and diagnostics are kept in file order.
        var loaded = new (RuleFile? File, List<Diagnostic> Diagnostics)[list.Count];
        Parallel.For(0, list.Count, i =>
        {
            var own = new List<Diagnostic>();
            loaded[i] = (LoadFile(list[i], own, open), own);
        });
        var files = ImmutableArray.CreateBuilder<RuleFile>();
        foreach (var (file, own) in loaded)
        {
            diagnostics.AddRange(own);
            if (file is not null) files.Add(file);
        }
        return (files.ToImmutable(), [.. diagnostics]);
    }

    /// <summary>Loads one rule file (from <paramref name="open"/> when it holds the file's full path); null when unreadable.</summary>
    public static RuleFile? LoadFile(string file, List<Diagnostic> diagnostics, IReadOnlyDictionary<string, string>? open = null)
    {
        if (EncodingOf(file) is not { } encoding)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticMessages.NotRuleFile, SourceSpan.At(file, 1, 1)));
            return null;
        }
        if ((open?.GetValueOrDefault(Path.GetFullPath(file)) is { } unsaved ? Within(file, unsaved, diagnostics) : SourceText.Read(file, diagnostics)) is not { } text) return null;
        var result = Parse(file, text, encoding);
        diagnostics.AddRange(result.Diagnostics);
        return result.File;
    }

    /// <summary>Text held in memory, if within the size a file may have.</summary>
    private static string? Within(string file, string text, List<Diagnostic> diagnostics)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(text) <= Limits.MaxFileBytes) return text;
        diagnostics.Add(Diagnostic.Create(DiagnosticMessages.FileTooLarge, SourceSpan.At(file, 1, 1), Limits.MaxFileBytes / (1024 * 1024)));
        return null;
    }

    /// <summary>
    /// Loads and links rules; the rule set is usable only when no error was reported. Rules that load no
    /// <c>vocabulary.*</c> file (a single circular, an interpretation folder, a circular with a vocabulary block of
    /// its own that only adds its region) get the nearest one from their folder or the folders above it: the blocks
    /// merge into one vocabulary (docs/language.md).
    /// </summary>
    public static Linked LoadRuleSet(IEnumerable<string> paths, IReadOnlyDictionary<string, string>? open = null)
    {
        var list = paths.ToList();
        var (files, diagnostics) = LoadAll(list, open);
        if (!files.Any(f => IsVocabularyFile(f.Path) || f.Vocabularies.Any(v => v.Fields.Length > 0)) && NearestVocabulary(list) is { } vocabularyPath)
        {
            var extra = new List<Diagnostic>();
            if (LoadFile(vocabularyPath, extra, open) is { } vocabulary) files = files.Insert(0, vocabulary);
            diagnostics = diagnostics.AddRange(extra);
        }
        var linked = Linker.Link(files);
        // Linking a file that did not parse whole only echoes the parse errors with noise.
        return diagnostics.Any(d => d.Severity == Severity.Error)
            ? linked with { Model = null, Diagnostics = diagnostics }
            : linked with { Diagnostics = diagnostics.AddRange(linked.Diagnostics) };
    }
}
