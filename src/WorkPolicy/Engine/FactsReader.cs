using System.Collections.Immutable;
using System.Text.Json;
using WorkPolicy.Facts;
using WorkPolicy.Loading;
using WorkPolicy.Yaml;
using WorkPolicy.Diagnostics;

namespace WorkPolicy;

/// <summary>
/// Facts for one engine's rules (<see cref="PolicyEngine.Facts"/>): read from a file, a text, a stream or a JSON
/// element, built from an application's own records, or opened to be decided as they are read — each checked
/// against the rules' vocabulary, each diagnostic at a line and column or at a record's path.
/// </summary>
/// <example>
/// <code>
/// var engine = PolicyEngine.Load("samples/circulars").Value!;
/// var facts = engine.Facts.Load("staff.facts.yaml").Value!;
/// using var national = engine.Facts.Open("national.facts.json").Value!;
/// </code>
/// </example>
public sealed class FactsReader
{
    private readonly PolicyEngine _engine;

    internal FactsReader(PolicyEngine engine) => _engine = engine;

    /// <summary>Reads a facts file (YAML or JSON) against the rules' vocabulary.</summary>
    public Loaded<PolicyFacts> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var diagnostics = new List<Diagnostic>();
        if (SourceText.ReadBytes(path, diagnostics, Limits.MaxFactsBytes) is not { } bytes) return new(null, [.. diagnostics]);
        return Made(FactsLoading.WithoutCollections(bytes.Length, () => FactsLoader.Load(path, bytes, _engine.Rules.Model.Vocabulary)));
    }

    /// <summary>Reads facts given as text (YAML or JSON); <paramref name="name"/> names them in diagnostics.</summary>
    /// <example><code>var facts = engine.Facts.Parse("hr", json);   // diagnostics say hr(line,col)</code></example>
    public Loaded<PolicyFacts> Parse(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);
        return Made(FactsLoader.Load(name, text, _engine.Rules.Model.Vocabulary));
    }

    /// <summary>Reads facts from a stream (UTF-8 YAML or JSON) to its end; <paramref name="name"/> names them in diagnostics.</summary>
    public Loaded<PolicyFacts> Read(string name, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        // Copied up to one byte past the limit, not whole first: an endless stream is refused, not held.
        var chunk = new byte[81_920];
        for (int read; (read = stream.Read(chunk, 0, chunk.Length)) > 0;)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > Limits.MaxFactsBytes)
                return new(null, [Diagnostic.Create(DiagnosticMessages.FactsTooLarge, SourceSpan.At(name, 1, 1), Limits.MaxFactsBytes / (1024 * 1024))]);
        }
        return Made(FactsLoader.Load(name, buffer.ToArray(), _engine.Rules.Model.Vocabulary));
    }

    private Loaded<PolicyFacts> Made(FactsResult result) =>
        new(result.HasErrors || result.Facts is null ? null : new PolicyFacts(_engine.Rules.Model.Vocabulary, result.Facts), result.Diagnostics);

    /// <summary>
    /// Facts from an application's own data, checked against the vocabulary as a facts file is. With
    /// <see cref="BadRecords.Reject"/> a bad record leaves no facts; with <see cref="BadRecords.Skip"/> bad units and
    /// employees (and a skipped unit's staff) are left out, each reported, and the rest are facts. Diagnostics name the
    /// record and field: <c>hr/employees[e-7].position(1,1): error WP0304: …; did you mean jpt-pratama?</c>.
    /// </summary>
    /// <example><code>var loaded = engine.Facts.Build(builder, BadRecords.Skip);
    /// foreach (var d in loaded.Diagnostics) log.Warn(d.ToString());
    /// var facts = loaded.Value!;</code></example>
    public Loaded<PolicyFacts> Build(FactsBuilder builder, BadRecords badRecords = BadRecords.Reject)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var reported = new BuildReport(builder.Name);
        var current = builder;
        // Skipping a unit can make its staff's records bad in turn: a few rounds settle it.
        for (var round = 0; round < 4; round++)
        {
            var result = FactsLoader.Load(current, _engine.Rules.Model.Vocabulary);
            var named = result.Diagnostics.ToList();
            if (round == 0 && current.EmployeeCount == 0 && current.UnitsGiven.Count == 0)
                named.Insert(0, Diagnostic.Create(Diagnostics.DiagnosticMessages.FactsEmpty, SourceSpan.At(builder.Name, 1, 1)));
            var errors = named.Where(d => d.Severity == Severity.Error).ToList();
            if (errors.Count == 0 || badRecords == BadRecords.Reject)
            {
                reported.Add(named, result.Unlisted);
                return reported.Done(errors.Count == 0 && result.Facts is { } facts ? new PolicyFacts(_engine.Rules.Model.Vocabulary, facts) : null);
            }
            // Every record with an error is left out, listed or not (past the first 1,000 errors they are only counted).
            var bad = errors.Select(d => d.Span.Path).Concat(result.ErrorRecords ?? []).ToList();
            var units = Ids(bad, "units[");
            var employees = Ids(bad, "employees[");
            reported.Add(errors, result.Unlisted);
            if (units.Count == 0 && employees.Count == 0) return reported.Done(null);
            current = current.Without(units, employees);
        }
        return reported.Done(null);
    }

    /// <summary>
    /// Reads a facts document given as JSON (docs/facts.md; a request's body, say) as a facts file is read, but naming
    /// each diagnostic by record and field — <c>request/employees[e-7].position</c> — rather than by a place in a text
    /// the caller never wrote. Any error leaves no facts.
    /// </summary>
    /// <example><code>var read = engine.Facts.Read("request", body.GetProperty("facts"));
    /// if (read.Value is null) return Results.Problem(string.Join("; ", read.Diagnostics));</code></example>
    public Loaded<PolicyFacts> Read(string name, JsonElement facts)
    {
        ArgumentNullException.ThrowIfNull(name);
        var deep = new List<Diagnostic>();
        if (FactsNodes.Of(name, facts, deep) is not { } root) return new(null, [.. deep]);
        var result = FactsLoader.Load(name, root, _engine.Rules.Model.Vocabulary);
        return new(result.HasErrors || result.Facts is null ? null : new PolicyFacts(_engine.Rules.Model.Vocabulary, result.Facts), result.Diagnostics);
    }

    /// <summary>
    /// The diagnostics of a build's rounds as one file's: the first <see cref="NodeReader.MostReported"/> listed, the
    /// rest counted in one closing line.
    /// </summary>
    private sealed class BuildReport(string name)
    {
        private readonly ImmutableArray<Diagnostic>.Builder _listed = ImmutableArray.CreateBuilder<Diagnostic>();
        private int _unlisted;

        public void Add(IEnumerable<Diagnostic> found, int unlisted)
        {
            foreach (var d in found)
            {
                if (_listed.Count < NodeReader.MostReported) _listed.Add(d);
                else _unlisted++;
            }
            _unlisted += unlisted;
        }

        public Loaded<PolicyFacts> Done(PolicyFacts? facts)
        {
            if (_unlisted > 0) _listed.Add(Diagnostic.Create(Diagnostics.DiagnosticMessages.MoreNotReported, SourceSpan.At(name, 1, 1), _unlisted, NodeReader.MostReported));
            return new(facts, _listed.ToImmutable());
        }
    }

    private static HashSet<string> Ids(IEnumerable<string> paths, string prefix)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var at = path.IndexOf("/" + prefix, StringComparison.Ordinal);
            if (at < 0) continue;
            var start = at + 1 + prefix.Length;
            var end = path.IndexOf(']', start);
            if (end > start) ids.Add(path[start..end]);
        }
        return ids;
    }

    /// <summary>
    /// Opens a facts file (YAML or JSON, of any size) to be decided as it is read: reads and checks what comes before
    /// the employees and stops there. Null, with the diagnostics, when that has an error.
    /// </summary>
    /// <example><code>using var facts = engine.Facts.Open("national.facts.json").Value!;</code></example>
    public Loaded<FactsStream> Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var diagnostics = new List<Diagnostic>();
        if (SourceText.Open(path, diagnostics) is not { } file) return new(null, [.. diagnostics]);
        // A file can be read twice: once through to see which keys follow the employees, when that matters.
        var loaded = Opened(path, file, () =>
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
    /// <example><code>using var facts = engine.Facts.Open("request", httpContext.Request.Body).Value!;</code></example>
    public Loaded<FactsStream> Open(string name, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(stream);
        var origin = stream.CanSeek ? stream.Position : -1;
        return Opened(name, stream, () =>
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

    private Loaded<FactsStream> Opened(string name, Stream source, Func<IReadOnlySet<string>?> laterKeys, Stream? owned)
    {
        // Rules that rank an employee against their unit ('in top N of unit') read all of a unit's employees first.
        var reader = new FactsStreamReader(name, source, _engine.Rules.Model.Vocabulary, laterKeys, keepEmployees: _engine.Rules.ReadsUnitLevels);
        var ok = reader.ReadHead();
        return new(ok ? new FactsStream(reader, _engine.Rules.Model.Vocabulary, owned) : null, reader.Diagnostics);
    }
}
