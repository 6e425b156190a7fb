using System.Text.Json;
using StreamJsonRpc;

namespace WorkPolicy.Editing;

internal sealed partial class LanguageServer
{
    /// <summary>
    /// Quick fixes: each diagnostic in the range that carries a fix (a did-you-mean) offers it — the misspelled word
    /// at or after the diagnostic's start, replaced by the suggestion.
    /// </summary>
    [JsonRpcMethod("textDocument/codeAction", UseSingleObjectParameterDeserialization = true)]
    public CodeAction[] OnCodeAction(JsonElement p)
    {
        var uri = p.GetProperty("textDocument").GetProperty("uri").GetString()!;
        if (!Documents.IsFile(uri) || _documents.Text(uri) is not { } text) return [];
        var range = p.GetProperty("range");
        var (first, last) = (range.GetProperty("start").GetProperty("line").GetInt32(), range.GetProperty("end").GetProperty("line").GetInt32());
        var path = Documents.PathOf(uri);
        IEnumerable<Diagnostic> diagnostics = Documents.KindOf(path) switch
        {
            DocumentKind.Rules => View(uri)?.Diagnostics ?? [],
            DocumentKind.Tests => AnalystTests.Diagnose(path, text).Where(d => Same(d.Span.Path, path)),
            _ => [],
        };
        var lines = Text.Lines(text);
        var actions = new List<CodeAction>();
        foreach (var d in diagnostics)
        {
            if (d.Fix is not { } fix || d.Span.Line - 1 > last || Math.Max(d.Span.EndLine, d.Span.Line) - 1 < first) continue;
            if (Locate(lines, d, fix.Text) is not { } at) continue;
            var edit = new WorkspaceEdit(new Dictionary<string, TextEdit[]> { [uri] = [new TextEdit(at, fix.Replacement)] });
            actions.Add(new CodeAction($"Replace '{fix.Text}' with '{fix.Replacement}'", "quickfix", [ToLsp(d, lines)], edit, true));
        }
        return [.. actions];
    }

    /// <summary>The whole-word occurrence of <paramref name="word"/> at or after the diagnostic's start, on its lines.</summary>
    private static Range? Locate(string[] lines, Diagnostic d, string word)
    {
        var start = new Position(Math.Max(0, d.Span.Line - 1), Math.Max(0, d.Span.Column - 1));
        var end = Math.Max(d.Span.EndLine, d.Span.Line) - 1;
        for (var l = start.Line; l <= Math.Min(end, lines.Length - 1); l++)
        {
            foreach (var r in Text.Occurrences(lines, word).Where(r => r.Start.Line == l))
                if (l > start.Line || r.Start.Character >= start.Character) return r;
        }
        // A span that ends before the word (a statement's start): the first occurrence on its line.
        return Text.Occurrences(lines, word).FirstOrDefault(r => r.Start.Line == start.Line);
    }
}
