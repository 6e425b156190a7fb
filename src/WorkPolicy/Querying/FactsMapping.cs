using System.Collections.Immutable;
using WorkPolicy.Diagnostics;
using WorkPolicy.Loading;
using WorkPolicy.Yaml;

namespace WorkPolicy;

/// <summary>
/// Where an HR system keeps the employee fields the rules read: its employees table, the id and unit columns, a column
/// per field (with the codes as the table writes them, where they differ from the rule files' words), and a table of
/// rows per set field. Written once, as a small YAML file (docs/query.md):
/// <code>
/// employees: { table: pegawai, id: nip, unit: unit_kerja }
/// fields:
///   employment: status_kepegawaian
///   position: { column: jabatan, codes: { jpt-pratama: JPT Pratama } }
///   roles: { table: peran_pegawai, employee: nip, code: peran }
///   status.isolation.active: { table: isolasi, employee: nip, from: mulai, until: sampai, column: aktif }
/// </code>
/// </summary>
public sealed record FactsMapping(string Table, string Id, string Unit, ImmutableDictionary<string, FieldMapping> Fields)
{
    /// <summary>What the mapping was read from (a file's path, <c>request/mapping</c>): diagnostics name it.</summary>
    public string Name { get; init; } = "mapping";

    /// <summary>Reads a mapping file; diagnostics name its line and column.</summary>
    public static Loaded<FactsMapping> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var diagnostics = new List<Diagnostic>();
        if (SourceText.Read(path, diagnostics) is not { } text) return new(null, [.. diagnostics]);
        return Parse(path, text);
    }

    /// <summary>Reads a mapping given as YAML text; <paramref name="name"/> names it in diagnostics.</summary>
    public static Loaded<FactsMapping> Parse(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);
        var diagnostics = new List<Diagnostic>();
        if (YamlTreeReader.Read(name, text, diagnostics) is not YamlMapping root)
        {
            if (diagnostics.Count == 0) diagnostics.Add(Diagnostic.Create(DiagnosticMessages.MappingShape, SourceSpan.At(name, 1, 1), "the file", "a mapping with 'employees' and 'fields'"));
            return new(null, [.. diagnostics]);
        }
        // Errors go through one reader, which keeps the first ones and counts the rest, as a facts file's do.
        var r = new NodeReader(diagnostics);
        string? table = null, id = null, unit = null;
        var fields = ImmutableDictionary.CreateBuilder<string, FieldMapping>(StringComparer.Ordinal);
        foreach (var (key, value) in root.Entries)
        {
            switch (key.Value)
            {
                case "employees" when value is YamlMapping e:
                    foreach (var (k, v) in e.Entries)
                    {
                        var s = Scalar(v, $"employees.{k.Value}", r);
                        switch (k.Value)
                        {
                            case "table": table = s; break;
                            case "id": id = s; break;
                            case "unit": unit = s; break;
                            default: r.Error(DiagnosticMessages.MappingUnknownKey, k.Span, k.Value, "employees", "table, id, unit"); break;
                        }
                    }
                    break;
                case "fields" when value is YamlMapping f:
                    foreach (var (k, v) in f.Entries)
                        if (Field(k.Value, v, r) is { } m) fields[k.Value] = m;
                    break;
                case "employees" or "fields":
                    r.Error(DiagnosticMessages.MappingShape, value.Span, key.Value, "a mapping");
                    break;
                default:
                    r.Error(DiagnosticMessages.MappingUnknownKey, key.Span, key.Value, "the mapping", "employees, fields");
                    break;
            }
        }
        if (table is null || id is null || unit is null)
            r.Error(DiagnosticMessages.MappingShape, root.Span, "employees", "a mapping with table, id and unit");
        // A mapping of a million unknown keys (a request's body) is not a million lines: the first ones, then a count.
        if (r.UnreportedSummary(name) is { } more) diagnostics.Add(more);
        return diagnostics.Any(d => d.Severity == Severity.Error) ? new(null, [.. diagnostics])
            : new(new FactsMapping(table!, id!, unit!, fields.ToImmutable()) { Name = name }, [.. diagnostics]);
    }

    private static FieldMapping? Field(string field, YamlNode node, NodeReader r)
    {
        if (node is YamlScalar column) return new FieldMapping(column.Value);
        if (node is not YamlMapping m)
        {
            r.Error(DiagnosticMessages.MappingShape, node.Span, field, "a column, or a mapping with column and codes (or table, employee and code for a set)");
            return null;
        }
        string? col = null, table = null, employee = null, code = null, from = null, until = null;
        var codes = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in m.Entries)
        {
            switch (k.Value)
            {
                case "column": col = Scalar(v, $"{field}.column", r); break;
                case "table": table = Scalar(v, $"{field}.table", r); break;
                case "employee": employee = Scalar(v, $"{field}.employee", r); break;
                case "code": code = Scalar(v, $"{field}.code", r); break;
                case "from": from = Scalar(v, $"{field}.from", r); break;
                case "until": until = Scalar(v, $"{field}.until", r); break;
                case "codes" when v is YamlMapping cm:
                    foreach (var (ck, cv) in cm.Entries)
                        if (Scalar(cv, $"{field}.codes.{ck.Value}", r) is { } written) codes[ck.Value] = written;
                    break;
                default: r.Error(DiagnosticMessages.MappingUnknownKey, k.Span, k.Value, field, "column, codes, table, employee, code, from, until"); break;
            }
        }
        if (table is not null && (employee is null || (code is null) == (from is null) || (from is not null && col is null)))
        {
            r.Error(DiagnosticMessages.MappingShape, m.Span, field, "a set's table (table, employee, code) or a dated series' (table, employee, from, until, column)");
            return null;
        }
        if (table is null && col is null)
        {
            r.Error(DiagnosticMessages.MappingShape, m.Span, field, "a column");
            return null;
        }
        return new FieldMapping(col ?? "") { Codes = codes.ToImmutable(), Table = table, Employee = employee, Code = code, From = from, Until = until };
    }

    private static string? Scalar(YamlNode node, string what, NodeReader r)
    {
        if (node is YamlScalar { Value.Length: > 0 } s) return s.Value;
        r.Error(DiagnosticMessages.MappingShape, node.Span, what, "a name");
        return null;
    }
}

/// <summary>
/// Where one field is kept: a column of the employees table (codes written as <see cref="Codes"/> say, else as the rule
/// files write them); for a set field, a <see cref="Table"/> with a row per <see cref="Code"/>; for a field of a dated
/// personal series (<c>status.isolation.active</c>), a <see cref="Table"/> of periods (<see cref="From"/>,
/// <see cref="Until"/>, the value in <see cref="Column"/>), the latest period begun by the date holding unless it ended.
/// </summary>
public sealed record FieldMapping(string Column)
{
    /// <summary>A code's value in the table where it is not the rule files' word.</summary>
    public ImmutableDictionary<string, string> Codes { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>For a set or a dated series: its table of rows.</summary>
    public string? Table { get; init; }

    /// <summary>The employee id column of <see cref="Table"/>.</summary>
    public string? Employee { get; init; }

    /// <summary>For a set: the code column of <see cref="Table"/>.</summary>
    public string? Code { get; init; }

    /// <summary>For a dated series: the column of each period's first day.</summary>
    public string? From { get; init; }

    /// <summary>For a dated series: the column of each period's last day (NULL: until the next period).</summary>
    public string? Until { get; init; }
}
