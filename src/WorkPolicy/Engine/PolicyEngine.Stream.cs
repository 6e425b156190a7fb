using NodaTime;
using WorkPolicy.Facts;
using WorkPolicy.Loading;
using WorkPolicy.Diagnostics;
using WorkPolicy.Evaluation;

namespace WorkPolicy;

public sealed partial class PolicyEngine
{
    /// <summary>Employees read and decided at a time from a stream: what is held at once.</summary>
    private const int StreamBlock = 16_384;

    /// <summary>
    /// Opens a facts file (YAML or JSON, of any size) to be decided as it is read: reads and checks what comes before
    /// the employees and stops there. Null, with the diagnostics, when that has an error.
    /// </summary>
    /// <example><code>using var facts = engine.OpenFacts("national.facts.json").Value!;</code></example>
    public Loaded<FactsStream> OpenFacts(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var diagnostics = new List<Diagnostic>();
        if (SourceText.Open(path, diagnostics) is not { } file) return new(null, [.. diagnostics]);
        // A file can be read twice: once through to see which keys follow the employees, when that matters.
        var loaded = Open(path, file, () =>
        {
            // Gone or locked since it was opened: what follows the employees is not known, so they are held.
            using var again = SourceText.Open(path, []);
            return again is null ? null : KeysAfterEmployees.Scan(path, again);
        }, owned: file);
        if (loaded.Value is null) file.Dispose();
        return loaded;
    }

    /// <summary>
    /// Opens facts read from <paramref name="stream"/> (UTF-8 YAML or JSON, from where it stands; not closed by the
    /// result) to be decided as they are read; <paramref name="name"/> names them in diagnostics. A stream that cannot
    /// seek cannot be read twice: unless every key decisions read comes before the employees, they are kept.
    /// </summary>
    /// <example><code>using var facts = engine.OpenFacts("request", httpContext.Request.Body).Value!;</code></example>
    public Loaded<FactsStream> OpenFacts(string name, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(stream);
        var origin = stream.CanSeek ? stream.Position : -1;
        return Open(name, stream, () =>
        {
            if (origin < 0) return null;
            var at = stream.Position;
            stream.Position = origin;
            try
            {
                return KeysAfterEmployees.Scan(name, stream);
            }
            finally
            {
                stream.Position = at;
            }
        }, owned: null);
    }

    private Loaded<FactsStream> Open(string name, Stream source, Func<IReadOnlySet<string>?> laterKeys, Stream? owned)
    {
        // Rules that rank an employee against their unit ('in top N of unit') read all of a unit's employees first.
        var reader = new FactsStreamReader(name, source, Rules.Model.Vocabulary, laterKeys, keepEmployees: Rules.ReadsUnitLevels);
        var ok = reader.ReadHead();
        return new(ok ? new FactsStream(reader, Rules.Model.Vocabulary, owned) : null, reader.Diagnostics);
    }

    /// <summary>
    /// Decisions for every employee of <paramref name="facts"/> on every date from <paramref name="from"/> to
    /// <paramref name="to"/> inclusive, employee by employee (each employee's dates in order), as they are read: a block
    /// of employees is read while the one before it is decided on all cores, then let go. The same decisions
    /// <see cref="DecideAll(PolicyFacts, LocalDate, LocalDate, CancellationToken, IProgress{int}?)"/> makes for the
    /// facts loaded whole, but for the employees with errors, which are left out (see <see cref="FactsStream.Diagnostics"/>).
    /// </summary>
    /// <example><code>using var facts = engine.OpenFacts("national.facts.json").Value!;
    /// PolicyJson.WriteDecisions(output, engine.DecideAll(facts, day, day));
    /// if (facts.HasErrors) foreach (var d in facts.Diagnostics) Console.Error.WriteLine(d);</code></example>
    /// <exception cref="ArgumentException">The last date is before the first, or the facts were read with another vocabulary.</exception>
    /// <exception cref="InvalidOperationException">The stream was read already.</exception>
    public IEnumerable<Decision> DecideAll(FactsStream facts, LocalDate from, LocalDate to, CancellationToken cancellationToken = default, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (!VocabularyIdentity.Same(facts.Vocabulary, Rules.Model.Vocabulary))
            throw new ArgumentException($"the facts '{facts.Name}' were read with another vocabulary than these rules declare; open them with OpenFacts of an engine of this vocabulary", nameof(facts));
        if (to < from) throw new ArgumentException($"the last date {to:uuuu-MM-dd} is before the first {from:uuuu-MM-dd}", nameof(to));
        facts.Take();
        return Streamed(facts, [.. new DateInterval(from, to)], cancellationToken, progress);
    }

    /// <summary>Blocks read ahead of the one being decided: reading goes on while decisions are written.</summary>
    private const int BlocksReadAhead = 3;

    private IEnumerable<Decision> Streamed(FactsStream facts, LocalDate[] dates, CancellationToken cancellationToken, IProgress<int>? progress)
    {
        // The units, region status, calendar and incidents, laid out once; each block's rows are laid out as decided.
        var batch = new BatchEvaluator(Rules, new FactIndex(facts.Indexed, Rules.Model.Layout));
        var done = 0;
        using var ahead = new BlocksAhead(() => facts.Next(StreamBlock), BlocksReadAhead);
        for (var block = ahead.Take(); block.Count > 0; block = ahead.Take())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var decided = batch.Decide(block, dates);
            for (var e = 0; e < block.Count; e++)
            {
                foreach (var day in decided) yield return day[e];
            }
            done += block.Count;
            progress?.Report(done);
        }
        cancellationToken.ThrowIfCancellationRequested();
    }
}
