using System.Text.Json;
using StreamJsonRpc;

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
        return [.. view.Files
            .SelectMany(file => Text.Occurrences(LinesOf(file), found.Symbol.Name).Select(r => new Location(Documents.UriOf(file), r)))];
    }

    /// <summary>The outline: each circular with its provisions, each vocabulary with its fields and definitions.</summary>
    [JsonRpcMethod("textDocument/documentSymbol", UseSingleObjectParameterDeserialization = true)]
    public DocumentSymbol[] OnDocumentSymbol(JsonElement p)
    {
        var uri = p.GetProperty("textDocument").GetProperty("uri").GetString()!;
        if (View(uri) is not { } view || _documents.Text(uri) is not { } text) return [];
        var lines = Text.Lines(text);
        DocumentSymbol Entry(RuleOutlineItem item)
        {
            var range = Text.RangeOf(item.Span, lines);
            var kind = item.Kind switch { RuleOutlineKind.Vocabulary or RuleOutlineKind.Circular => 2, RuleOutlineKind.Provision => 6, _ => 13 };
            return new DocumentSymbol(item.Name, item.Detail, kind, range, range with { End = range.Start }, item.Children.Count == 0 && item.Kind is not (RuleOutlineKind.Vocabulary or RuleOutlineKind.Circular) ? null : [.. item.Children.Select(Entry)]);
        }
        return [.. view.Outline().Select(Entry)];
    }

    private (RuleSymbol Symbol, Range Range)? Resolve(string uri, Position at)
    {
        if (View(uri) is not { } view || _documents.Text(uri) is not { } text) return null;
        if (Text.WordAt(Text.Lines(text), at) is not { } word) return null;
        return view.Find(word.Word, at.Line) is { } symbol ? (symbol, word.Range) : null;
    }
}
