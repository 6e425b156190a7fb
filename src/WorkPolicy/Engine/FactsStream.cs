using System.Collections.Immutable;
using WorkPolicy.Facts;
using WorkPolicy.Model;

namespace WorkPolicy;

/// <summary>
/// Facts read as a stream, for deciding a population too large to hold (<see cref="FactsReader.Open(string)"/>,
/// <see cref="PolicyEngine.DecideAll(FactsStream, NodaTime.LocalDate, NodaTime.LocalDate, CancellationToken, IProgress{int}?)"/>):
/// the calendar, region status, units and incidents are read first and kept; employees are read, decided and
/// let go a block at a time. An employee with an error of its own is reported and left out; the others are decided.
/// Read once; dispose it to close the file.
/// </summary>
/// <remarks>
/// When a key decisions read (<c>calendar</c>, <c>regions</c>, <c>units</c>, <c>incidents</c>) comes after the employees
/// — or may, in a stream that cannot be read twice — the employees are kept and the document is read whole first, as
/// <see cref="FactsReader.Load"/> reads it (<see cref="Buffered"/>): the same decisions, the memory of a whole load.
/// </remarks>
/// <example>
/// <code>
/// using var facts = engine.Facts.Open("national.facts.json").Value!;
/// foreach (var d in engine.DecideAll(facts, day, day)) Write(d);
/// foreach (var d in facts.Diagnostics) Console.Error.WriteLine(d);   // employees left out, if any
/// </code>
/// </example>
public sealed class FactsStream : IDisposable
{
    private readonly FactsStreamReader _reader;
    private readonly Stream? _owned;
    private readonly object _gate = new();
    private int _taken;

    internal FactsStream(FactsStreamReader reader, Vocabulary vocabulary, Stream? owned)
    {
        _reader = reader;
        _owned = owned;
        Vocabulary = vocabulary;
    }

    /// <summary>The name the facts are read under (a path, or the name given with the stream).</summary>
    public string Name => _reader.Name;

    /// <summary>
    /// Whether the employees had to be kept in memory: a key decisions read comes after them in the document (or may,
    /// in a stream that cannot be read twice). Put <c>employees</c> after <c>calendar</c>, <c>regions</c>, <c>units</c>
    /// and <c>incidents</c> — the order docs/facts.md shows — and they are not.
    /// </summary>
    public bool Buffered => _reader.Kept;

    /// <summary>
    /// How many employees were read and handed to decisions so far (those with errors are not); reading runs ahead of
    /// deciding by a few blocks, so this is the whole count once the decisions were read to the end.
    /// </summary>
    public long EmployeesRead { get; private set; }

    /// <summary>Every diagnostic so far, in file order: complete once the decisions were read to the end.</summary>
    public ValueList<Diagnostic> Diagnostics
    {
        get
        {
            lock (_gate) return _reader.Diagnostics;
        }
    }

    /// <summary>Whether any diagnostic so far is an error (an employee left out, or the document ending early).</summary>
    public bool HasErrors
    {
        get
        {
            lock (_gate) return _reader.HasErrors;
        }
    }

    internal Vocabulary Vocabulary { get; }

    /// <summary>The facts before the employees.</summary>
    internal FactsFile Head => _reader.Head!;

    /// <summary>
    /// What the evaluator indexes: the facts before the employees — or, where the employees were kept, the whole facts,
    /// so that what depends on all of a unit's employees (the levels a ranked field's 'in top N of unit' reads) is known.
    /// </summary>
    internal FactsFile Indexed => _reader.Whole ?? _reader.Head!;

    /// <summary>Marks the stream read; a second reading is refused.</summary>
    internal void Take()
    {
        if (Interlocked.Exchange(ref _taken, 1) != 0) throw new InvalidOperationException($"the facts stream '{Name}' was read already; open it again to read it again");
    }

    /// <summary>The next employees, up to <paramref name="max"/>: none at the end.</summary>
    internal List<EmployeeFacts> Next(int max)
    {
        var block = new List<EmployeeFacts>(max);
        lock (_gate)
        {
            _reader.ReadBlock(block, max);
            EmployeesRead += block.Count;
        }
        return block;
    }

    /// <summary>Closes the file it reads, when it opened one.</summary>
    public void Dispose()
    {
        lock (_gate) _owned?.Dispose();
    }
}
