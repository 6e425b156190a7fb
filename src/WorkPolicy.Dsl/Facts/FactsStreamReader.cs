using System.Collections.Immutable;
using WorkPolicy.Dsl.Loading;
using WorkPolicy.Dsl.Yaml;
using WorkPolicy.Rules.Diagnostics;
using WorkPolicy.Rules.Facts;
using WorkPolicy.Rules.Model;

namespace WorkPolicy.Dsl.Facts;

/// <summary>
/// Reads a facts document from a stream a block of employees at a time: the facts before the employees first
/// (<see cref="ReadHead"/>), then employees as they are read (<see cref="ReadBlock"/>), each mapped and checked
/// as a whole load checks it, so what is held grows with units, not employees. When facts that decisions read may
/// come after the employees, the employees are kept and the document read whole first (<see cref="Kept"/>).
/// Not thread-safe: one reader at a time.
/// </summary>
internal sealed class FactsStreamReader
{
    private readonly List<Diagnostic> _syntax = [];
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Queue<EmployeeFacts> _ready = new();
    private readonly FactsLoader _loader;
    private readonly Func<Func<bool>?, bool> _run;
    private FactsFile? _whole;
    private bool _finished;
    private IEnumerator<EmployeeFacts>? _kept;

    private FactsStreamReader(string path, Stream source, Vocabulary? rules, Func<bool, IReadOnlySet<string>?> laterKeys)
    {
        Name = path;
        var head = new byte[4096];
        var n = 0;
        // Enough of the start to tell JSON from YAML: the first byte that is not a space or a BOM.
        while (n < head.Length && source.Read(head, n, head.Length - n) is var got and > 0)
        {
            n += got;
            var body = head.AsSpan(0, n);
            if (body.StartsWith("\uFEFF"u8)) body = body[3..];
            if (body.IndexOfAnyExcept(" \t\r\n"u8) >= 0) break;
        }
        var start = head.AsSpan(0, n);
        var bom = start.StartsWith("\uFEFF"u8);
        Json = JsonTreeReader.LooksLikeJson(bom ? start[3..] : start);
        _loader = FactsLoader.ForStream(path, rules, _diagnostics, _ready.Enqueue, () => laterKeys(Json));
        var items = _loader.EmployeeStream(Json);
        if (Json)
        {
            var json = new JsonStepReader(path, new JsonWindow(source, bom ? start[3..] : start), _syntax, Limits.MaxYamlDepth, Limits.MaxFactsYamlNodes, items);
            _run = pause => { json.Run(pause); return json.Done; };
            _root = () => json.Root;
        }
        else
        {
            var yaml = new YamlStepReader(path, new CheckedText(path, source, start), _syntax, Limits.MaxFactsYamlNodes, items);
            _run = pause => { yaml.Run(pause); return yaml.Done; };
            _root = () => yaml.Root;
        }
    }

    private readonly Func<YamlNode?> _root;

    /// <summary>
    /// Opens <paramref name="source"/> (read from where it stands, and not closed here). <paramref name="laterKeys"/>
    /// reads the document through once to tell the top-level keys after the employees (JSON or not), or gives null
    /// when the source cannot be read twice.
    /// </summary>
    public static FactsStreamReader Open(string path, Stream source, Vocabulary? rules, Func<bool, IReadOnlySet<string>?> laterKeys) =>
        new(path, source, rules, laterKeys);

    /// <summary>The name diagnostics give.</summary>
    public string Name { get; }

    /// <summary>Whether the document is JSON.</summary>
    public bool Json { get; }

    /// <summary>Whether the employees were kept and the document read whole: facts decisions read may come after them.</summary>
    public bool Kept => _loader.Kept;

    /// <summary>
    /// The facts before the employees (no employees in it), once <see cref="ReadHead"/> has run; null when the
    /// document could not be read that far.
    /// </summary>
    public FactsFile? Head { get; private set; }

    /// <summary>Reads up to the first employee (or, when the employees are kept, to the end); true when no error was met.</summary>
    public bool ReadHead()
    {
        // Streaming begins at the employees; kept employees, or none, read to the end.
        if (_run(() => _loader.Streaming)) Finish();
        Head = _loader.HeadFacts ?? (_whole is { } whole ? whole with { Employees = [], Checkins = [] } : null);
        return Head is not null && !HasErrors;
    }

    /// <summary>Whether any diagnostic so far is an error.</summary>
    public bool HasErrors => _syntax.Concat(_diagnostics).Any(d => d.Severity == Severity.Error);

    /// <summary>Every diagnostic so far, in file order.</summary>
    public ImmutableArray<Diagnostic> Diagnostics => [.. _syntax.Concat(_diagnostics).OrderBy(d => d.Span.Line).ThenBy(d => d.Span.Column)];

    /// <summary>Adds up to <paramref name="max"/> employees that read cleanly to <paramref name="into"/>; 0 at the end.</summary>
    public int ReadBlock(List<EmployeeFacts> into, int max)
    {
        var added = 0;
        if (_loader.Streaming)
        {
            if (!_finished && _ready.Count < max && _run(() => _ready.Count >= max)) Finish();
            while (added < max && _ready.TryDequeue(out var e))
            {
                into.Add(e);
                added++;
            }
            return added;
        }
        if (_whole is null) return 0;
        _kept ??= _loader.Faultless(_whole).GetEnumerator();
        while (added < max && _kept.MoveNext())
        {
            into.Add(_kept.Current);
            added++;
        }
        return added;
    }

    /// <summary>The document ended: its root read as a whole load reads it (check-ins, keys, kept employees).</summary>
    private void Finish()
    {
        if (_finished) return;
        _finished = true;
        if (_root() is { } root) _whole = _loader.Finish(root);
        else if (!_syntax.Any(d => d.Severity == Severity.Error)) _syntax.Add(Diagnostic.Create(DiagnosticMessages.FactsEmpty, SourceSpan.At(Name, 1, 1)));
    }
}
