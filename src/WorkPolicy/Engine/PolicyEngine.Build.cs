using System.Collections.Immutable;
using System.Text.Json;
using WorkPolicy.Facts;

namespace WorkPolicy;

public sealed partial class PolicyEngine
{
    /// <summary>
    /// Facts from an application's own data, checked against the vocabulary as a facts file is. With
    /// <see cref="BadRecords.Reject"/> a bad record leaves no facts; with <see cref="BadRecords.Skip"/> bad units and
    /// employees (and a skipped unit's staff) are left out, each reported, and the rest are facts. Diagnostics name the
    /// record and field: <c>hr/employees[e-7].position(1,1): error WP0304: …; did you mean jpt-pratama?</c>.
    /// </summary>
    /// <example><code>var loaded = engine.BuildFacts(builder, BadRecords.Skip);
    /// foreach (var d in loaded.Diagnostics) log.Warn(d.ToString());
    /// var facts = loaded.Value!;</code></example>
    public Loaded<PolicyFacts> BuildFacts(FactsBuilder builder, BadRecords badRecords = BadRecords.Reject)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var reported = ImmutableArray.CreateBuilder<Diagnostic>();
        var current = builder;
        // Skipping a unit can make its staff's records bad in turn: a few rounds settle it.
        for (var round = 0; round < 4; round++)
        {
            var result = FactsLoader.Load(current, Rules.Model.Vocabulary);
            var named = result.Diagnostics.ToList();
            if (round == 0 && current.EmployeeCount == 0 && current.UnitsGiven.Count == 0)
                named.Insert(0, Diagnostic.Create(Diagnostics.DiagnosticMessages.FactsEmpty, SourceSpan.At(builder.Name, 1, 1)));
            var errors = named.Where(d => d.Severity == Severity.Error).ToList();
            if (errors.Count == 0 || badRecords == BadRecords.Reject)
            {
                reported.AddRange(named);
                return new(errors.Count == 0 && result.Facts is { } facts ? new PolicyFacts(Rules.Model.Vocabulary, facts) : null, reported.ToImmutable());
            }
            var units = Ids(errors, "units[");
            var employees = Ids(errors, "employees[");
            reported.AddRange(errors);
            if (units.Count == 0 && employees.Count == 0) return new(null, reported.ToImmutable());
            current = current.Without(units, employees);
        }
        return new(null, reported.ToImmutable());
    }

    /// <summary>
    /// Reads a facts document given as JSON (docs/facts.md; a request's body, say) as a facts file is read, but naming
    /// each diagnostic by record and field — <c>request/employees[e-7].position</c> — rather than by a place in a text
    /// the caller never wrote. Any error leaves no facts.
    /// </summary>
    /// <example><code>var read = engine.ReadFacts("request", body.GetProperty("facts"));
    /// if (read.Value is null) return Results.Problem(string.Join("; ", read.Diagnostics));</code></example>
    public Loaded<PolicyFacts> ReadFacts(string name, JsonElement facts)
    {
        ArgumentNullException.ThrowIfNull(name);
        var deep = new List<Diagnostic>();
        if (FactsNodes.Of(name, facts, deep) is not { } root) return new(null, [.. deep]);
        var result = FactsLoader.Load(name, root, Rules.Model.Vocabulary);
        return new(result.HasErrors || result.Facts is null ? null : new PolicyFacts(Rules.Model.Vocabulary, result.Facts), result.Diagnostics);
    }

    private static HashSet<string> Ids(IEnumerable<Diagnostic> errors, string prefix)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in errors)
        {
            var at = d.Span.Path.IndexOf("/" + prefix, StringComparison.Ordinal);
            if (at < 0) continue;
            var start = at + 1 + prefix.Length;
            var end = d.Span.Path.IndexOf(']', start);
            if (end > start) ids.Add(d.Span.Path[start..end]);
        }
        return ids;
    }
}
