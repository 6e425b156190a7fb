using System.Text.Json;
using System.Text.RegularExpressions;
using StreamJsonRpc;

namespace WorkPolicy.Editing;

internal sealed partial class LanguageServer
{
    private static readonly string[] Keywords =
    [
        "circular", "vocabulary", "field", "define", "region", "number", "title", "issuer", "zone", "issued", "period", "from", "to", "until", "further-notice",
        "provision", "cite", "summary", "ambiguity", "defers", "scope", "mode", "overrides", "pool", "per", "office", "home", "at-most", "at-least", "between", "and", "person", "persons", "cycle", "no-consecutive-office-days", "at-home", "at-office", "groups", "by", "rounding", "down", "up",
        "nearest", "turns", "prefer", "of", "table", "when", "during", "obligation", "windows", "every", "amends", "withdraws", "supersedes", "revokes",
        "extends", "keeps-in-force", "implements", "follows", "accept", "rotation", "optional", "and", "or", "not", "in", "not-in", "has", "has-any",
        "incident", "for", "days", "working", "true", "false", "age", "date", "rank", "top", "top-unit", "unit",
    ];

    /// <summary>After <c>field op</c> (<c>unit.kind in { </c>, <c>employee.roles has </c>): the field whose codes come next.</summary>
    [GeneratedRegex(@"((?:employee|unit|top-unit|region)\.[A-Za-z0-9_.-]+)\s*(?:==|!=|in|not-in|has|has-any)\s*(?:\{[^}]*)?$")]
    private static partial Regex CodeContext();

    [JsonRpcMethod("textDocument/completion", UseSingleObjectParameterDeserialization = true)]
    public CompletionItem[] OnCompletion(JsonElement p)
    {
        var (uri, at) = Where(p);
        if (View(uri) is not { } view || _documents.Text(uri) is not { } text) return [];
        var lines = Text.Lines(text);
        var before = at.Line < lines.Length ? lines[at.Line][..Math.Min(at.Character, lines[at.Line].Length)] : "";
        var symbols = view.Symbols;
        if (CodeContext().Match(before) is { Success: true } m)
        {
            var field = m.Groups[1].Value.StartsWith("top-unit.", StringComparison.Ordinal) ? "unit." + m.Groups[1].Value["top-unit.".Length..] : m.Groups[1].Value;
            if (view.HasField(field)) return [.. view.CodesOf(field).Select(c => new CompletionItem(c, 20, $"code of {field}"))];
        }
        var word = Text.WordAt(lines, at with { Character = Math.Max(0, at.Character) })?.Word ?? "";
        var fields = symbols.Where(s => s.Kind == RuleSymbolKind.Field)
            .SelectMany(s => s.Name.StartsWith("unit.", StringComparison.Ordinal) ? [s.Name, "top-unit." + s.Name[5..]] : new[] { s.Name })
            .Select(f => new CompletionItem(f, 5, "field"));
        if (word.Contains('.')) return [.. fields];
        return [.. Keywords.Select(k => new CompletionItem(k, 14, "keyword")),
            .. fields,
            .. symbols.Where(s => s.Kind == RuleSymbolKind.Definition).Select(s => new CompletionItem(s.Name, 3, "definition")),
            .. symbols.Where(s => s.Kind == RuleSymbolKind.Provision).Select(s => s.Name).Distinct().Select(n => new CompletionItem(n, 18, "provision"))];
    }

    /// <summary>The canonical layout, as <c>fmt</c> writes it, comments kept where they belong.</summary>
    [JsonRpcMethod("textDocument/formatting", UseSingleObjectParameterDeserialization = true)]
    public TextEdit[] OnFormatting(JsonElement p)
    {
        var uri = p.GetProperty("textDocument").GetProperty("uri").GetString()!;
        if (_documents.Text(uri) is not { } text || !Documents.IsFile(uri)) return [];
        var path = Documents.PathOf(uri);
        if (Documents.KindOf(path) != DocumentKind.Rules) return [];
        var formatted = RuleFiles.FormatText(path, text);
        if (formatted.Value is not { } canonical) return [];
        return [new TextEdit(Text.Whole(Text.Lines(text)), canonical)];
    }
}
