using System.Text.Json;
using StreamJsonRpc;

namespace WorkPolicy.Cli.Lsp;

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

    private (Symbol Symbol, Range Range)? Resolve(string uri, Position at)
    {
        if (View(uri) is not { } view || _documents.Text(uri) is not { } text) return null;
        if (Text.WordAt(Text.Lines(text), at) is not { } word) return null;
        return view.Symbols.Find(word.Word, view.CircularAt(at.Line)) is { } symbol ? (symbol, word.Range) : null;
    }
}
