using System.Text.Json;
using StreamJsonRpc;
using WorkPolicy.Rules.Ast;

namespace WorkPolicy.Editing;

internal sealed partial class LanguageServer
{
    [JsonRpcMethod("textDocument/hover", UseSingleObjectParameterDeserialization = true)]
    public Hover? OnHover(JsonElement p)
    {
        var (uri, at) = Where(p);
        if (Resolve(uri, at) is not { } found) return null;
        return new Hover(new MarkupContent("markdown", found.Symbol.Markdown), found.Range);
    }

    [JsonRpcMethod("textDocument/definition", UseSingleObjectParameterDeserialization = true)]
    public Location? OnDefinition(JsonElement p)
    {
        var (uri, at) = Where(p);
        if (Resolve(uri, at) is not { } found) return null;
        var span = found.Symbol.Span;
        return new Location(Documents.UriOf(span.Path), Text.RangeOf(span, LinesOf(Path.GetFullPath(span.Path))));
    }

    [JsonRpcMethod("textDocument/references", UseSingleObjectParameterDeserialization = true)]
    public Location[] OnReferences(JsonElement p)
    {
        var (uri, at) = Where(p);
        if (Resolve(uri, at) is not { } found || View(uri) is not { } view) return [];
        // Every whole-word use in the rule set's files (open ones as held), the declaration included.
        return [.. view.Linked.Files.Select(f => Path.GetFullPath(f.Path)).Distinct()
            .SelectMany(file => Text.Occurrences(LinesOf(file), found.Symbol.Name).Select(r => new Location(Documents.UriOf(file), r)))];
    }

    /// <summary>The outline: each circular with its provisions, each vocabulary with its fields and definitions.</summary>
    [JsonRpcMethod("textDocument/documentSymbol", UseSingleObjectParameterDeserialization = true)]
    public DocumentSymbol[] OnDocumentSymbol(JsonElement p)
    {
        var uri = p.GetProperty("textDocument").GetProperty("uri").GetString()!;
        if (View(uri) is not { } view || _documents.Text(uri) is not { } text) return [];
        var lines = Text.Lines(text);
        DocumentSymbol Entry(string name, string? detail, int kind, SourceSpan span, DocumentSymbol[]? children = null)
        {
            var range = Text.RangeOf(span, lines);
            return new DocumentSymbol(name, detail, kind, range, range with { End = range.Start }, children);
        }
        var file = view.Linked.Files.FirstOrDefault(f => Path.GetFullPath(f.Path) == view.Path);
        if (file is null) return [];
        return [
            .. file.Vocabularies.Select(v => Entry(v.Id, "vocabulary", 2, v.Span,
                [.. v.Fields.Select(f => Entry(f.Path, "field", 13, f.Span)), .. v.Defines.Select(d => Entry(d.Name, "define", 13, d.Span))])),
            .. file.Circulars.Select(c => Entry(c.Id, c.Number, 2, c.Span,
                [.. c.Provisions.Select(pr => Entry(pr.Id, pr.Mode is { } m ? m.Word() : "obligations", 6, pr.Span))])),
        ];
    }

    private (Symbol Symbol, Range Range)? Resolve(string uri, Position at)
    {
        if (View(uri) is not { } view || _documents.Text(uri) is not { } text) return null;
        if (Text.WordAt(Text.Lines(text), at) is not { } word) return null;
        return view.Symbols.Find(word.Word, view.CircularAt(at.Line)) is { } symbol ? (symbol, word.Range) : null;
    }
}
