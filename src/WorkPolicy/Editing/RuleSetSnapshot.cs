using WorkPolicy.Analysis;
using System.Collections.Immutable;
using WorkPolicy.Loading;
using WorkPolicy.Ast;
using WorkPolicy.Checking;
using WorkPolicy.Evaluation;

namespace WorkPolicy;

/// <summary>An entry of a rule document's outline.</summary>
public enum RuleOutlineKind
{
    /// <summary>A vocabulary block.</summary>
    Vocabulary,
    /// <summary>A field of a vocabulary.</summary>
    Field,
    /// <summary>A definition of a vocabulary.</summary>
    Definition,
    /// <summary>A circular.</summary>
    Circular,
    /// <summary>A provision of a circular.</summary>
    Provision,
}

/// <summary>An entry of a rule document's outline, with the entries it holds.</summary>
public sealed record RuleOutlineItem(string Name, string? Detail, RuleOutlineKind Kind, SourceSpan Span, ValueList<RuleOutlineItem> Children);

/// <summary>
/// A rule document in its context, as <c>check</c> loads it — every rule file of its folder (unsaved texts as an
/// editor holds them), the nearest vocabulary — linked: its diagnostics, the names the rule set declares and the
/// document's outline. What an editor asks of a rule file; the language server is its client.
/// </summary>
/// <example>
/// <code>
/// var snapshot = RuleSetSnapshot.Load("/rules/palopo.wp", unsaved: new Dictionary&lt;string, string&gt; { ["/rules/palopo.wp"] = editorText });
/// foreach (var d in snapshot.Searched(cancel).Diagnostics) Show(d);
/// var symbol = snapshot.Find("p1-rotation", line: 12);   // hover, go to definition
/// </code>
/// </example>
public sealed class RuleSetSnapshot
{
    private readonly Linked _linked;

    private RuleSetSnapshot(string document, Linked linked, ImmutableArray<Diagnostic> diagnostics)
    {
        Document = document;
        _linked = linked;
        Diagnostics = diagnostics;
        Symbols = RuleSymbols.Of(linked.Files);
        Files = [.. linked.Files.Select(f => Path.GetFullPath(f.Path)).Distinct()];
    }

    /// <summary>The document's full path.</summary>
    public string Document { get; }

    /// <summary>The full paths of the rule set's files (the vocabulary included).</summary>
    public ValueList<string> Files { get; }

    /// <summary>The diagnostics of the document itself.</summary>
    public ValueList<Diagnostic> Diagnostics { get; }

    /// <summary>The names the rule set declares, in file order.</summary>
    public ValueList<RuleSymbol> Symbols { get; }

    /// <summary>The paths of the rule set a document belongs to: the rule files of its folder, and itself.</summary>
    public static ValueList<string> RuleSetOf(string document)
    {
        var path = Path.GetFullPath(document);
        var folder = Path.GetDirectoryName(path)!;
        var files = Directory.Exists(folder) ? RuleLoader.Expand(folder, []).Select(Path.GetFullPath).ToList() : [];
        if (!files.Contains(path)) files.Add(path);
        return [.. files];
    }

    /// <summary>Loads and links the document's rule set; <paramref name="unsaved"/>: texts by full path, read before the disk.</summary>
    public static RuleSetSnapshot Load(string document, IReadOnlyDictionary<string, string>? unsaved = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var path = Path.GetFullPath(document);
        var linked = RuleLoader.LoadRuleSet(RuleSetOf(path), unsaved);
        cancellationToken.ThrowIfCancellationRequested();
        return new RuleSetSnapshot(path, linked, Mine(linked.Diagnostics, path));
    }

    /// <summary>
    /// The searches of <c>check</c> over the rule set — conflicts, quota rows, gaps — added to the document's
    /// diagnostics; they take longer than linking, so an editor asks for them second (and cancels them at the next edit).
    /// </summary>
    public RuleSetSnapshot Searched(CancellationToken cancellationToken = default)
    {
        if (_linked.Model is not { } model) return this;
        var compiled = CompiledRules.Compile(model, reference: true);
        cancellationToken.ThrowIfCancellationRequested();
        var found = ConflictChecker.Check(compiled, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var gaps = ConflictChecker.Gaps(compiled, cancellationToken);
        return new RuleSetSnapshot(Document, _linked, [.. Diagnostics, .. Mine(Acceptance.Apply([.. found, .. gaps], _linked.Files), Document).Except(Diagnostics)]);
    }

    private static ImmutableArray<Diagnostic> Mine(IEnumerable<Diagnostic> all, string path) =>
        [.. all.Where(d => d.Span.Path.Length > 0 && Path.GetFullPath(d.Span.Path) == path).Distinct()];

    /// <summary>The circular declared in the document around a line (0-based), for resolving provision ids.</summary>
    public string? CircularAt(int line) =>
        _linked.Files.Where(f => Path.GetFullPath(f.Path) == Document).SelectMany(f => f.Circulars)
            .LastOrDefault(c => c.Span.Line - 1 <= line)?.Id;

    /// <summary>
    /// What <paramref name="word"/> names at a line (0-based) of the document: <c>circular/provision</c>; else a
    /// provision (of the circular around the line first), a definition, a field (<c>top-unit.x</c> is the unit's
    /// field), a circular, a region, a code.
    /// </summary>
    public RuleSymbol? Find(string word, int line)
    {
        ArgumentNullException.ThrowIfNull(word);
        var all = Symbols;
        if (word.Split('/') is [var c, var p]) return all.FirstOrDefault(s => s.Kind == RuleSymbolKind.Provision && s.Circular == c && s.Name == p);
        var circular = CircularAt(line);
        var field = word.StartsWith("top-unit.", StringComparison.Ordinal) ? "unit." + word["top-unit.".Length..] : word;
        return all.FirstOrDefault(s => s.Kind == RuleSymbolKind.Provision && s.Name == word && s.Circular == circular)
            ?? all.FirstOrDefault(s => s.Kind == RuleSymbolKind.Provision && s.Name == word)
            ?? all.FirstOrDefault(s => s.Kind == RuleSymbolKind.Definition && s.Name == word)
            ?? all.FirstOrDefault(s => s.Kind == RuleSymbolKind.Field && s.Name == field)
            ?? all.FirstOrDefault(s => s.Kind is RuleSymbolKind.Circular or RuleSymbolKind.Region && s.Name == word)
            ?? all.FirstOrDefault(s => s.Kind == RuleSymbolKind.Code && s.Name == word);
    }

    /// <summary>The codes of a field (<c>top-unit.x</c> is the unit's field); empty for a field without codes or no field.</summary>
    public ValueList<string> CodesOf(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var path = field.StartsWith("top-unit.", StringComparison.Ordinal) ? "unit." + field["top-unit.".Length..] : field;
        return _linked.Files.SelectMany(f => f.Vocabularies).SelectMany(v => v.Fields).FirstOrDefault(f => f.Path == path)?.Codes ?? [];
    }

    /// <summary>Whether the vocabulary declares a field of this path.</summary>
    public bool HasField(string field) => _linked.Files.SelectMany(f => f.Vocabularies).SelectMany(v => v.Fields).Any(f => f.Path == field);

    /// <summary>The document's outline: vocabularies with their fields and definitions, circulars with their provisions.</summary>
    public ValueList<RuleOutlineItem> Outline()
    {
        var file = _linked.Files.FirstOrDefault(f => Path.GetFullPath(f.Path) == Document);
        if (file is null) return [];
        return [
            .. file.Vocabularies.Select(v => new RuleOutlineItem(v.Id, "vocabulary", RuleOutlineKind.Vocabulary, v.Span,
                [.. v.Fields.Select(f => new RuleOutlineItem(f.Path, "field", RuleOutlineKind.Field, f.Span, [])),
                 .. v.Defines.Select(d => new RuleOutlineItem(d.Name, "define", RuleOutlineKind.Definition, d.Span, []))])),
            .. file.Circulars.Select(c => new RuleOutlineItem(c.Id, c.NumberText, RuleOutlineKind.Circular, c.Span,
                [.. c.Provisions.Select(p => new RuleOutlineItem(p.Id, p.Mode is { } m ? m.Word() : "obligations", RuleOutlineKind.Provision, p.Span, []))])),
        ];
    }
}
