using System.Collections.Immutable;
using WorkPolicy.Dsl.Facts;

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
            var (json, marks) = current.ToJson();
            var result = FactsLoader.Load(builder.Name, json, Rules.Model.Vocabulary);
            var named = result.Diagnostics.Select(d => Named(builder.Name, d, json, marks)).ToList();
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

    /// <summary>The diagnostic with the fact path its line speaks of instead of a line of generated JSON.</summary>
    private static Diagnostic Named(string name, Diagnostic d, byte[] json, FactsMarks marks) =>
        d with { Span = SourceSpan.At(marks.PathAt(json, d.Span.Line, d.Span.Column) is { } path ? $"{name}/{path}" : name, 1, 1) };

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
