using WorkPolicy.Dsl.Loading;
using WorkPolicy.Rules.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace WorkPolicy.Dsl.Yaml;

/// <summary>
/// Reads one YAML document into <see cref="YamlNode"/>s from parser events, iteratively: refuses
/// anchors, aliases, non-scalar keys and duplicate keys, and caps depth and node count.
/// </summary>
internal static class YamlTreeReader
{
    /// <summary>Reads <paramref name="text"/>; returns null (with diagnostics) when it cannot be used.</summary>
    public static YamlNode? Read(string path, string text, List<Diagnostic> diagnostics) =>
        Read(path, text, diagnostics, Limits.MaxFileBytes, Limits.MaxYamlNodes);

    /// <summary>Reads with explicit size and node limits (facts files are allowed to be larger than rule files).</summary>
    public static YamlNode? Read(string path, string text, List<Diagnostic> diagnostics, int maxChars, int maxNodes) =>
        Read(path, text, diagnostics, maxChars, maxNodes, null);

    /// <summary>Reads, handing the items of one top-level list to <paramref name="stream"/> as they complete.</summary>
    internal static YamlNode? Read(string path, string text, List<Diagnostic> diagnostics, int maxChars, int maxNodes, ItemStream? stream)
    {
        if (text.Length > maxChars)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticMessages.FileTooLarge, SourceSpan.At(path, 1, 1), maxChars / (1024 * 1024)));
            return null;
        }
        if (ControlCharacters.Find(path, text) is { } control)
        {
            diagnostics.Add(control);
            return null;
        }
        var errorsBefore = diagnostics.Count;
        var parser = new Parser(new StringReader(text));
        var tree = new TreeBuilder(stream);
        var documents = 0;
        var nodes = 0;
        var lastLine = 1;
        var lastColumn = 1;
        try
        {
            while (parser.MoveNext())
            {
                var ev = parser.Current!;
                (lastLine, lastColumn) = ((int)ev.End.Line, (int)ev.End.Column);
                if (++nodes > maxNodes)
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticMessages.TooManyYamlNodes, Span(path, ev), maxNodes));
                    return null;
                }
                switch (ev)
                {
                    case DocumentStart ds when !ds.IsImplicit || documents > 0:
                        if (++documents > 1)
                        {
                            diagnostics.Add(Diagnostic.Create(DiagnosticMessages.SecondYamlDocument, Span(path, ev)));
                            return null;
                        }
                        break;
                    case DocumentStart:
                        documents++;
                        break;
                    case AnchorAlias alias:
                        diagnostics.Add(Diagnostic.Create(DiagnosticMessages.AliasNotAllowed, Span(path, ev), alias.Value));
                        return null;
                    case NodeEvent { Anchor.IsEmpty: false } anchored:
                        diagnostics.Add(Diagnostic.Create(DiagnosticMessages.AnchorNotAllowed, Span(path, ev), anchored.Anchor.Value));
                        return null;
                    case SequenceStart or MappingStart:
                        if (tree.Depth >= Limits.MaxYamlDepth)
                        {
                            diagnostics.Add(Diagnostic.Create(DiagnosticMessages.YamlTooDeep, Span(path, ev), Limits.MaxYamlDepth));
                            return null;
                        }
                        if (tree.ExpectsKey)
                        {
                            diagnostics.Add(Diagnostic.Create(DiagnosticMessages.KeysMustBePlainScalars, Span(path, ev)));
                            return null;
                        }
                        tree.Open(ev is MappingStart, Span(path, ev));
                        break;
                    case SequenceEnd or MappingEnd:
                        if (!tree.Close(Span(path, ev), diagnostics)) return null;
                        break;
                    case Scalar s:
                        var scalar = new YamlScalar(s.Value, s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded, Span(path, ev));
                        if (!tree.Add(scalar, diagnostics)) return null;
                        break;
                }
            }
        }
        catch (YamlException ex)
        {
            var at = new SourceSpan(path, (int)ex.Start.Line, (int)ex.Start.Column, (int)ex.End.Line, (int)ex.End.Column);
            var message = (ex.InnerException?.Message ?? ex.Message).Replace("\n", " ", StringComparison.Ordinal);
            var idx = message.IndexOf("): ", StringComparison.Ordinal);
            diagnostics.Add(Diagnostic.Create(DiagnosticMessages.YamlParserSays, at, idx >= 0 ? message[(idx + 3)..] : message));
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or IndexOutOfRangeException or NullReferenceException)
        {
            // YamlDotNet throws these on some malformed input (found by fuzzing); report, never crash.
            diagnostics.Add(Diagnostic.Create(DiagnosticMessages.MalformedYaml, SourceSpan.At(path, lastLine, lastColumn), ex.Message));
            return null;
        }
        return diagnostics.Count > errorsBefore ? null : tree.Root;
    }

    private static SourceSpan Span(string path, ParsingEvent ev) =>
        new(path, (int)ev.Start.Line, (int)ev.Start.Column, (int)ev.End.Line, (int)ev.End.Column);
}
