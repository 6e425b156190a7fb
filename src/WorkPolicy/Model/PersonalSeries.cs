namespace WorkPolicy.Model;

/// <summary>
/// How a vocabulary declares an employee's dated facts: a field <c>employee.status.SERIES.FIELD</c> (e.g.
/// <c>employee.status.temperature.celsius</c>) is read from the employee's series <c>SERIES</c> on the decision's
/// date, as <c>region.SERIES.FIELD</c> is read from a region's. The facts list them under the employee's <c>status:</c>.
/// </summary>
internal static class PersonalSeries
{
    /// <summary>The key prefix within the employee: <c>status.</c>.</summary>
    public const string Prefix = "status.";

    /// <summary>Whether a field path (<c>employee.status.isolation.active</c>) names a dated personal fact.</summary>
    public static bool IsPersonal(string path) => path.StartsWith("employee." + Prefix, StringComparison.Ordinal);

    /// <summary>The series and field of an employee key (<c>status.isolation.active</c>); a bare series reads <c>active</c>.</summary>
    public static (string Series, string Field) Split(string key)
    {
        var rest = key[Prefix.Length..];
        var dot = rest.IndexOf('.');
        return dot < 0 ? (rest, "active") : (rest[..dot], rest[(dot + 1)..]);
    }

    /// <summary>The series a vocabulary declares, by name, with the fields each has.</summary>
    public static IReadOnlyDictionary<string, string[]> Declared(IEnumerable<string> fieldPaths) =>
        fieldPaths.Where(IsPersonal).Select(p => Split(p["employee.".Length..]))
            .GroupBy(x => x.Series, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Field).Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
}
