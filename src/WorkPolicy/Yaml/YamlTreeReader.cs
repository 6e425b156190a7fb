using WorkPolicy.Loading;
using WorkPolicy.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace WorkPolicy.Yaml;

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
        var reader = new YamlStepReader(path, new StringReader(text), diagnostics, maxNodes, stream);
        reader.Run(null);
        return reader.Root;
    }
}

/// <summary>
/// Reads a YAML document from parser events into a <see cref="TreeBuilder"/> in steps: <see cref="Run"/> goes on
/// until asked to pause or the document ends, and the next call goes on from there (YamlDotNet's parser pulls
/// its text as it needs it, so a streamed document is never whole in memory).
/// </summary>
internal sealed class YamlStepReader(string path, TextReader text, List<Diagnostic> diagnostics, int maxNodes, ItemStream? stream) : IStepReader
{
    private readonly Parser _parser = new(text);
    private readonly TreeBuilder _tree = new(stream);
    private int _documents;
    private int _nodes;
    private int _itemStart;
    private readonly int _errorsBefore = diagnostics.Count;
    private int _lastLine = 1;
    private int _lastColumn = 1;

    /// <inheritdoc/>
    public bool Done { get; private set; }

    /// <inheritdoc/>
    public YamlNode? Root { get; private set; }

    /// <inheritdoc/>
    public void Run(Func<bool>? pause)
    {
        if (Done) return;
        var forget = stream is { Forget: true };
        try
        {
            while (_parser.MoveNext())
            {
                var ev = _parser.Current!;
                (_lastLine, _lastColumn) = ((int)ev.End.Line, (int)ev.End.Column);
                var atList = forget && _tree.InStreamedList;
                if (atList) _itemStart = _nodes;
                if (++_nodes > maxNodes)
                {
                    Fail(Diagnostic.Create(DiagnosticMessages.TooManyYamlNodes, Span(ev), maxNodes));
                    return;
                }
                if (!Take(ev)) return;
                // A streamed item is handed out and gone: only what is held counts against the limit.
                if (atList && _tree.InStreamedList) _nodes = _itemStart;
                if (pause?.Invoke() == true) return;
            }
        }
        catch (YamlException ex)
        {
            var at = new SourceSpan(path, (int)ex.Start.Line, (int)ex.Start.Column, (int)ex.End.Line, (int)ex.End.Column);
            var message = (ex.InnerException?.Message ?? ex.Message).Replace("\n", " ", StringComparison.Ordinal);
            var idx = message.IndexOf("): ", StringComparison.Ordinal);
            Fail(Diagnostic.Create(DiagnosticMessages.YamlParserSays, at, idx >= 0 ? message[(idx + 3)..] : message));
            return;
        }
        catch (CheckedText.Refused refused)
        {
            // The text reader refused a character or a byte before the parser saw it.
            Fail(refused.Diagnostic);
            return;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or IndexOutOfRangeException or NullReferenceException)
        {
            // YamlDotNet throws these on some malformed input (found by fuzzing); report, never crash.
            Fail(Diagnostic.Create(DiagnosticMessages.MalformedYaml, SourceSpan.At(path, _lastLine, _lastColumn), ex.Message));
            return;
        }
        Done = true;
        Root = diagnostics.Count > _errorsBefore ? null : _tree.Root;
    }

    private void Fail(Diagnostic diagnostic)
    {
        diagnostics.Add(diagnostic);
        Done = true;
    }

    /// <summary>Takes one event into the tree; false (with a diagnostic) when the document cannot be used.</summary>
    private bool Take(ParsingEvent ev)
    {
        switch (ev)
        {
            case DocumentStart ds when !ds.IsImplicit || _documents > 0:
                if (++_documents > 1)
                {
                    Fail(Diagnostic.Create(DiagnosticMessages.SecondYamlDocument, Span(ev)));
                    return false;
                }
                break;
            case DocumentStart:
                _documents++;
                break;
            case AnchorAlias alias:
                Fail(Diagnostic.Create(DiagnosticMessages.AliasNotAllowed, Span(ev), alias.Value));
                return false;
            case NodeEvent { Anchor.IsEmpty: false } anchored:
                Fail(Diagnostic.Create(DiagnosticMessages.AnchorNotAllowed, Span(ev), anchored.Anchor.Value));
                return false;
            case SequenceStart or MappingStart:
                if (_tree.Depth >= Limits.MaxYamlDepth)
                {
                    Fail(Diagnostic.Create(DiagnosticMessages.YamlTooDeep, Span(ev), Limits.MaxYamlDepth));
                    return false;
                }
                if (_tree.ExpectsKey)
                {
                    Fail(Diagnostic.Create(DiagnosticMessages.KeysMustBePlainScalars, Span(ev)));
                    return false;
                }
                _tree.Open(ev is MappingStart, Span(ev));
                break;
            case SequenceEnd or MappingEnd:
                if (!_tree.Close(Span(ev), diagnostics))
                {
                    Done = true;
                    return false;
                }
                break;
            case Scalar s:
                var scalar = new YamlScalar(s.Value, s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded, Span(ev));
                if (!_tree.Add(scalar, diagnostics))
                {
                    Done = true;
                    return false;
                }
                break;
        }
        return true;
    }

    private SourceSpan Span(ParsingEvent ev) =>
        new(path, (int)ev.Start.Line, (int)ev.Start.Column, (int)ev.End.Line, (int)ev.End.Column);
}
