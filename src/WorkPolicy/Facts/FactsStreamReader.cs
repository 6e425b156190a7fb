using System.Collections.Immutable;
using WorkPolicy.Loading;
using WorkPolicy.Yaml;
using WorkPolicy.Diagnostics;
using WorkPolicy.Facts;
using WorkPolicy.Model;

namespace WorkPolicy.Facts;

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
    private readonly IStepReader _reader;
    private FactsFile? _whole;
    private int _handedOut;

    /// <summary>
    /// Opens <paramref name="source"/> (read from where it stands, and not closed here). <paramref name="laterKeys"/>
    /// reads the document through once to tell the top-level keys after the employees, or gives null when the source
    /// cannot be read twice.
    /// </summary>
    public FactsStreamReader(string path, Stream source, Vocabulary? rules, Func<IReadOnlySet<string>?> laterKeys, bool keepEmployees = false)
    {
        Name = path;
        _loader = FactsLoader.ForStream(path, rules, _diagnostics, _ready.Enqueue, laterKeys, keepEmployees);
        _reader = StepReader.Open(path, source, _syntax, Limits.MaxFactsYamlNodes, _loader.EmployeeStream);
    }

    /// <summary>The name diagnostics give.</summary>
    public string Name { get; }

    /// <summary>The document read whole, when the employees were kept (null while streaming).</summary>
    public FactsFile? Whole => Kept ? _whole : null;

    /// <summary>Whether the employees were kept and the document read whole: facts decisions read may come after them.</summary>
    public bool Kept => _loader.Kept;

    /// <summary>
    /// The facts before the employees (no employees in it), once <see cref="ReadHead"/> has run; null when the
    /// document could not be read that far.
    /// </summary>
    public FactsFile? Head { get; private set; }

    /// <summary>
    /// Reads up to the first employee (or, when the employees are kept, to the end); true when no error was met — kept
    /// employees are read as a whole load reads them, so an error of theirs refuses the facts too.
    /// </summary>
    public bool ReadHead()
    {
        Run(() => _loader.Streaming);
        Head = _loader.HeadFacts ?? (_whole is { } whole ? whole with { Employees = [], Checkins = [] } : null);
        return Head is not null && !HasErrors;
    }

    /// <summary>Whether any diagnostic so far is an error.</summary>
    public bool HasErrors => _syntax.Concat(_diagnostics).Any(d => d.Severity == Severity.Error);

    /// <summary>Every diagnostic so far, in file order.</summary>
    public ImmutableArray<Diagnostic> Diagnostics => _loader.Unreported is { } more
        ? [.. _syntax.Concat(_diagnostics).OrderBy(d => d.Span.Line).ThenBy(d => d.Span.Column), more]
        : [.. _syntax.Concat(_diagnostics).OrderBy(d => d.Span.Line).ThenBy(d => d.Span.Column)];

    /// <summary>Adds up to <paramref name="max"/> employees that read cleanly to <paramref name="into"/>; 0 at the end.</summary>
    public int ReadBlock(List<EmployeeFacts> into, int max)
    {
        if (_loader.Streaming)
        {
            if (_ready.Count < max) Run(() => _ready.Count >= max);
            var added = Math.Min(max, _ready.Count);
            for (var i = 0; i < added; i++) into.Add(_ready.Dequeue());
            return added;
        }
        // Kept (or none): the whole load's employees, a block at a time.
        var kept = _whole?.Employees ?? [];
        var taken = Math.Min(max, kept.Length - _handedOut);
        for (var i = 0; i < taken; i++) into.Add(kept[_handedOut++]);
        return taken;
    }

    /// <summary>Reads on until <paramref name="pause"/>; at the document's end, its root is read as a whole load reads it (check-ins, keys, kept employees).</summary>
    private void Run(Func<bool> pause)
    {
        if (_reader.Done) return;
        _reader.Run(pause);
        if (!_reader.Done) return;
        if (_reader.Root is { } root) _whole = _loader.Finish(root);
        else if (!_syntax.Any(d => d.Severity == Severity.Error)) _syntax.Add(Diagnostic.Create(DiagnosticMessages.FactsEmpty, SourceSpan.At(Name, 1, 1)));
    }
}
