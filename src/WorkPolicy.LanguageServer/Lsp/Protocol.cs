using System.Text.Json.Serialization;

namespace WorkPolicy.Editing;

// The few Language Server Protocol shapes the server sends, named as the specification names them
// (serialized in camelCase, nulls left out).

/// <summary>A place in a document: 0-based line and UTF-16 character.</summary>
internal sealed record Position(int Line, int Character);

/// <summary>A stretch of a document, end exclusive.</summary>
internal sealed record Range(Position Start, Position End);

/// <summary>A range in a document.</summary>
internal sealed record Location(string Uri, Range Range);

/// <summary>A diagnostic: severity 1 error, 2 warning, 3 information; the WP code; source <c>workpolicy</c>.</summary>
internal sealed record LspDiagnostic(Range Range, int Severity, string Code, string Source, string Message);

/// <summary>Markdown shown on hover.</summary>
internal sealed record MarkupContent(string Kind, string Value);

/// <summary>The answer to a hover.</summary>
internal sealed record Hover(MarkupContent Contents, Range? Range);

/// <summary>A completion: kind 14 keyword, 5 field, 20 enum member (a code), 3 function (a definition), 18 reference (a provision).</summary>
internal sealed record CompletionItem(string Label, int Kind, string? Detail);

/// <summary>A replacement of a range by text.</summary>
internal sealed record TextEdit(Range Range, string NewText);

/// <summary>A command a client runs when a lens is clicked.</summary>
internal sealed record Command(string Title, [property: JsonPropertyName("command")] string Name, object[]? Arguments);

/// <summary>A lens over a range: for a test case, "run case" with its outcome.</summary>
internal sealed record CodeLens(Range Range, Command Command);

/// <summary>An entry of the document's outline: kind 2 module (a circular or vocabulary), 6 method (a provision), 13 variable (a definition or field).</summary>
internal sealed record DocumentSymbol(string Name, string? Detail, int Kind, Range Range, Range SelectionRange, DocumentSymbol[]? Children);

/// <summary>Edits to documents, by URI.</summary>
internal sealed record WorkspaceEdit(Dictionary<string, TextEdit[]> Changes);

/// <summary>A quick fix: its title, kind <c>quickfix</c>, the diagnostic it fixes and the edit.</summary>
internal sealed record CodeAction(string Title, string Kind, LspDiagnostic[] Diagnostics, WorkspaceEdit Edit, bool IsPreferred);
