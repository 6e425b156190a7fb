using System.Collections.Immutable;
using WorkPolicy.Loading;
using WorkPolicy.Output;
using WorkPolicy.Diagnostics;

namespace WorkPolicy;

/// <summary>The two encodings of rule files.</summary>
public enum RuleEncoding
{
    /// <summary>The DSL, <c>.wp</c>.</summary>
    Dsl,
    /// <summary>YAML, <c>.yaml</c> or <c>.yml</c>.</summary>
    Yaml,
}

/// <summary>What <see cref="RuleFiles.Format"/> did to each file.</summary>
/// <param name="Formatted">Files rewritten in canonical layout (none when only checking).</param>
/// <param name="Unformatted">Files not in canonical layout (when only checking: every such file; otherwise those it could not rewrite).</param>
/// <param name="Diagnostics">Files that could not be read, parsed or safely rewritten.</param>
public sealed record FormatResult(ValueList<string> Formatted, ValueList<string> Unformatted, ValueList<Diagnostic> Diagnostics)
{
    /// <summary>Whether no file had errors and, when only checking, every file is in canonical layout (a file left as it is for its comments is a warning).</summary>
    public bool Succeeded => Unformatted.Count == 0 && !Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>Rule files as text: canonical layout (<c>workpolicy fmt</c>) and the other encoding (<c>workpolicy convert</c>).</summary>
/// <example>
/// <code>
/// var result = RuleFiles.Format(["samples/circulars"], checkOnly: true);
/// var yaml = RuleFiles.Convert("samples/circulars/palopo.wp", RuleEncoding.Yaml).Value;
/// </code>
/// </example>
public static class RuleFiles
{
    /// <summary>
    /// Rewrites rule files in canonical layout, each through a temporary file and a rename; with
    /// <paramref name="checkOnly"/>, only reports those that are not. A file with comments is left alone (the
    /// canonical layout does not keep them), and so is one whose canonical text would not read back the same.
    /// </summary>
    public static FormatResult Format(IEnumerable<string> paths, bool checkOnly = false)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var diagnostics = new List<Diagnostic>();
        var files = paths.SelectMany(p => RuleLoader.Expand(p, diagnostics)).ToList();
        var formatted = ImmutableArray.CreateBuilder<string>();
        var unformatted = ImmutableArray.CreateBuilder<string>();
        foreach (var file in files)
        {
            if (RuleLoader.EncodingOf(file) is not { } encoding) continue;
            var local = new List<Diagnostic>();
            if (SourceText.Read(file, local) is not { } text)
            {
                diagnostics.AddRange(local);
                continue;
            }
            var parsed = RuleLoader.Parse(file, text, encoding);
            if (parsed.HasErrors)
            {
                diagnostics.AddRange(parsed.Diagnostics);
                continue;
            }
            // Comments are trivia of the declarations they precede or end: the canonical text writes them back there.
            var canonical = Canonical.Print(parsed.File, encoding);
            if (canonical == text) continue;
            if (checkOnly)
            {
                unformatted.Add(file);
                continue;
            }
            if (!Canonical.RoundTrips(file, canonical, encoding))
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticMessages.CanonicalLayoutUnstable, SourceSpan.At(file, 1, 1)));
                continue;
            }
            if (Write(file, w => w.Write(canonical)) is { Count: > 0 } unwritten)
            {
                diagnostics.AddRange(unwritten);
                continue;
            }
            formatted.Add(file);
        }
        return new FormatResult(formatted.ToImmutable(), unformatted.ToImmutable(), [.. diagnostics]);
    }

    /// <summary>
    /// The rule file at <paramref name="path"/> in <paramref name="encoding"/>; a YAML text names the JSON Schema
    /// relative to <paramref name="writtenTo"/> (where the text will be written; default: the current folder).
    /// </summary>
    public static Loaded<string> Convert(string path, RuleEncoding encoding, string? writtenTo = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var diagnostics = new List<Diagnostic>();
        var file = RuleLoader.LoadFile(path, diagnostics);
        if (file is null || diagnostics.Any(d => d.Severity == Severity.Error)) return new(null, [.. diagnostics]);
        var target = writtenTo ?? Path.Combine(Directory.GetCurrentDirectory(), "converted.yaml");
        return new(Canonical.Print(file, encoding, target), [.. diagnostics]);
    }

    /// <summary>Whether a path names a rule file (<c>.wp</c>, <c>.yaml</c>, <c>.yml</c>, not a facts or tests file).</summary>
    public static bool IsRuleFile(string path) => EncodingOf(path) is not null && !RuleLoader.IsFactsOrTests(path);

    /// <summary>Whether a path names an analysts' test file (<c>*.tests.yaml</c>).</summary>
    public static bool IsTestFile(string path) => path.EndsWith(".tests.yaml", StringComparison.OrdinalIgnoreCase);

    /// <summary>The encoding a path's extension gives, or null for another file.</summary>
    public static RuleEncoding? EncodingOf(string path) => RuleLoader.EncodingOf(path);

    /// <summary>
    /// The canonical text of a rule file held as <paramref name="text"/> (an editor's): null when the text does not
    /// parse, is canonical already or would not read back the same. Comments are kept where they belong.
    /// </summary>
    public static Loaded<string> FormatText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        if (RuleLoader.EncodingOf(path) is not { } encoding) return new(null, []);
        var parsed = RuleLoader.Parse(path, text, encoding);
        if (parsed.HasErrors) return new(null, parsed.Diagnostics);
        var canonical = Canonical.Print(parsed.File, encoding);
        return new(!Canonical.RoundTrips(path, canonical, encoding) || canonical == text ? null : canonical, []);
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> through a temporary file and a rename, so an error never leaves it half-written.</summary>
    public static void WriteAtomically(string path, string text) => AtomicFile.Write(path, text);

    /// <summary>Writes what <paramref name="write"/> writes to <paramref name="path"/> through a temporary file and a rename.</summary>
    public static void WriteAtomically(string path, Action<TextWriter> write) => AtomicFile.Write(path, write);

    /// <summary>
    /// Writes what <paramref name="write"/> writes to <paramref name="path"/> as <see cref="WriteAtomically(string, Action{TextWriter})"/>
    /// does, and says what stopped it instead of throwing: a folder, a folder that does not exist, no permission, a full
    /// disk is WP0007 at <paramref name="path"/> (and the file is left as it was). Empty when the file was written.
    /// </summary>
    /// <example><code>foreach (var d in RuleFiles.Write("out/rules.wp", w => w.Write(text))) Console.Error.WriteLine(d);</code></example>
    public static ValueList<Diagnostic> Write(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            AtomicFile.Write(path, write);
            return [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Said of the path as given: the exception names the temporary file beside it.
            var folder = Path.GetDirectoryName(path);
            var why = Directory.Exists(path) ? "it is a folder"
                : !string.IsNullOrEmpty(folder) && !Directory.Exists(folder) ? $"there is no folder '{folder}'"
                : ex is UnauthorizedAccessException ? "no permission to write there"
                : ex.Message;
            return [Diagnostic.Create(DiagnosticMessages.CannotWriteFile, SourceSpan.At(path, 1, 1), why)];
        }
    }

    /// <summary>
    /// C# types for the facts of the vocabulary the rule files declare (or the nearest <c>vocabulary.*</c>): an enum
    /// per closed code set and for the regions, records for employees, units and each dated status series (a null
    /// field is unknown), and <c>Add</c> extension methods on <see cref="FactsBuilder"/> that hand them over with the
    /// rule files' words. The WorkPolicy.Build package runs this in an app's build for its <c>WorkPolicyRules</c>
    /// items, so a misspelled field or code fails the app's compile. Null, with the diagnostics, when the rule files
    /// have errors or declare no vocabulary.
    /// </summary>
    /// <example><code>var source = RuleFiles.EmitFactTypes(["rules"], "HrApp.Facts").Value!;
    /// File.WriteAllText("obj/WorkPolicy.Facts.g.cs", source);</code></example>
    /// <exception cref="ArgumentException"><paramref name="namespace"/> is not a C# namespace name.</exception>
    public static Loaded<string> EmitFactTypes(IEnumerable<string> paths, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(@namespace);
        if (!Generation.CSharpText.IsNamespace(@namespace))
            throw new ArgumentException($"'{@namespace}' is not a C# namespace name", nameof(@namespace));
        var list = paths.ToList();
        if (list.Count == 0) return new(null, [Diagnostic.Create(DiagnosticMessages.NothingToLoad, SourceSpan.None)]);
        var linked = RuleLoader.LoadRuleSet(list);
        if (linked.Diagnostics.Any(d => d.Severity == Severity.Error)) return new(null, linked.Diagnostics);
        if (linked.Files.SelectMany(f => f.Vocabularies).FirstOrDefault() is not { } declared)
            return new(null, linked.Diagnostics.Add(Diagnostic.Create(DiagnosticMessages.NoVocabularyToEmit, SourceSpan.None)));
        return new(Generation.FactTypesEmitter.Emit(linked.Vocabulary, declared.Id, @namespace), linked.Diagnostics);
    }
}

/// <summary>Realistic synthetic facts for all six regions, for trials and benchmarks (<c>workpolicy generate</c>).</summary>
public static class SyntheticFacts
{
    /// <summary>A facts file of <paramref name="employees"/> employees; the same seed gives the same text.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 0 or more than 2,000,000 employees.</exception>
    public static string Generate(int employees, int seed = 1, bool json = false)
    {
        if (employees is < 0 or > 2_000_000) throw new ArgumentOutOfRangeException(nameof(employees), "between 0 and 2,000,000 employees");
        return Generation.FactsGenerator.Generate(employees, seed, json);
    }

    /// <summary>The most employees <see cref="Write"/> makes: Indonesia's ASN (about 4.3 million) and room beside them.</summary>
    public const int MaxStreamedEmployees = 10_000_000;

    /// <summary>
    /// Writes the text <see cref="Generate"/> would return to <paramref name="writer"/>, each employee made as it is
    /// written: any population up to <see cref="MaxStreamedEmployees"/>, never held whole.
    /// </summary>
    /// <example><code>using var file = File.CreateText("national.facts.json");
    /// SyntheticFacts.Write(file, 4_300_000, seed: 11, json: true);</code></example>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 0 or more than <see cref="MaxStreamedEmployees"/> employees.</exception>
    public static void Write(TextWriter writer, int employees, int seed = 1, bool json = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (employees is < 0 or > MaxStreamedEmployees) throw new ArgumentOutOfRangeException(nameof(employees), $"between 0 and {MaxStreamedEmployees:N0} employees");
        Generation.FactsGenerator.Write(writer, employees, seed, json);
    }
}
