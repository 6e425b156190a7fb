namespace WorkPolicy.Querying;

/// <summary>
/// A residual's terms of one mode as one SQL query over the HR system's tables: a term is its units and its field
/// conditions joined by AND, the terms by OR. Values are always parameters; names (tables, columns) are quoted
/// identifiers, each dotted part apart, so neither can change the query's shape. NULL follows the engine's meaning: an
/// absent field is in the "unknown" class (or its default's), never in another.
/// </summary>
internal static class SqlTranslator
{
    public static SqlQuery Translate(ResidualDecisions residual, WorkMode mode, FactsMapping mapping, SqlDialect dialect)
    {
        var arguments = new List<SqlArgument>();
        string Arg(object value)
        {
            var name = "@p" + arguments.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // SQLite binds a decimal as text; a number column compares with a real.
            arguments.Add(new SqlArgument(name, dialect == SqlDialect.Sqlite && value is decimal d ? (double)d : value));
            return name;
        }
        var id = "t." + Name(mapping.Id);
        var unit = "t." + Name(mapping.Unit);
        var terms = new List<string>();
        foreach (var term in residual.For(mode))
        {
            var parts = new List<string> { $"{unit} IN ({string.Join(", ", term.Units.Select(u => Arg(u)))})" };
            foreach (var condition in term.Conditions) parts.Add(Condition(condition, mapping, id, Arg, residual.On.ToDateOnly()));
            terms.Add("(" + string.Join(" AND ", parts) + ")");
        }
        // Employees of units the known facts do not list have no unit to decide by: indeterminate.
        if (mode == WorkMode.Indeterminate)
            terms.Add(residual.Units.Count == 0 ? $"(1 = 1)" : $"({unit} IS NULL OR {unit} NOT IN ({string.Join(", ", residual.Units.Select(u => Arg(u)))}))");
        var where = terms.Count == 0 ? "1 = 0" : string.Join("\n   OR ", terms);
        return new SqlQuery($"SELECT {id} FROM {Name(mapping.Table)} AS t\nWHERE {where}\nORDER BY {id}", [.. arguments]);
    }

    private static string Condition(ResidualCondition condition, FactsMapping mapping, string id, Func<object, string> arg, DateOnly on)
    {
        var key = condition.Field.StartsWith("employee.", StringComparison.Ordinal) ? condition.Field["employee.".Length..] : condition.Field;
        if (!mapping.Fields.TryGetValue(key, out var field))
            throw new ArgumentException($"the mapping gives no column for '{key}', which the rules read (add it under fields)", nameof(mapping));
        // Codes one by one are one IN list.
        var tests = condition.Classes.ToList();
        var inside = tests.OfType<CodeTest>().Where(c => c is { Outside: false, OrAbsent: false }).ToList();
        if (inside.Count > 1) tests = [.. tests.Except(inside), new CodeTest([.. inside.SelectMany(c => c.Codes)], Outside: false)];
        var classes = tests.Select(c => Class(c, field, id, arg, key, on)).ToList();
        return classes.Count == 1 ? classes[0] : "(" + string.Join(" OR ", classes) + ")";
    }

    private static string Class(ClassTest test, FieldMapping field, string id, Func<object, string> arg, string key, DateOnly on)
    {
        if (test is SetTest set)
        {
            if (field is not { Table: { } table, Code: not null }) throw new ArgumentException($"'{key}' is a set: map it to a table with a row per code (table, employee, code)", "mapping");
            // A set is its rows: no row of the codes is "none of them" — also the empty set an absent field defaults to.
            return $"{(set.Any ? "" : "NOT ")}EXISTS (SELECT 1 FROM {Name(table)} AS s WHERE s.{Name(field.Employee!)} = {id} AND s.{Name(field.Code!)} IN ({string.Join(", ", set.Codes.Select(code => arg(Written(field, code))))}))";
        }
        if (test is AbsentTest && field.Code is not null)
            throw new ArgumentException($"'{key}' is a set with no default: a table of rows cannot say it is unknown", "mapping");
        if (field.Code is not null) throw new ArgumentException($"'{key}' is mapped to a table of rows, but the rules read it as a single value: map it to a column", "mapping");
        if (key.StartsWith("status.", StringComparison.Ordinal) != field.From is not null)
            throw new ArgumentException(field.From is null ? $"'{key}' is a dated series: map it to a table of periods (table, employee, from, until, column)" : $"'{key}' is not a dated series: map it to a column", "mapping");
        var column = field.From is null ? "t." + Name(field.Column) : Period(field, id, arg, key, on);
        var known = test switch
        {
            AbsentTest => null,
            CodeTest { Outside: false } c => $"{column} IN ({string.Join(", ", c.Codes.Select(code => arg(Written(field, code))))})",
            CodeTest c => $"{column} NOT IN ({string.Join(", ", c.Codes.Select(code => arg(Written(field, code))))})",
            BoolTest b => $"{column} = {arg(b.Value)}",
            NumberTest n => Range(column, n.Low, n.LowIncluded, n.High, n.HighIncluded, arg),
            DateTest d => Range(column, d.From?.ToDateOnly(), true, d.To?.ToDateOnly(), true, arg),
            _ => throw new InvalidOperationException($"no SQL for {test.GetType().Name}"),
        };
        if (known is null) return $"{column} IS NULL";
        return test.OrAbsent ? $"({column} IS NULL OR {known})" : $"({column} IS NOT NULL AND {known})";
    }

    /// <summary>
    /// The value of a dated series' field on the date, as the engine reads it: the latest period begun by then, unless
    /// its last day has passed (then none: NULL); a period that does not say <c>active</c> is active.
    /// </summary>
    private static string Period(FieldMapping field, string id, Func<object, string> arg, string key, DateOnly on)
    {
        var d1 = arg(on);
        var d2 = arg(on);
        var value = "p." + Name(field.Column);
        if (key.EndsWith(".active", StringComparison.Ordinal)) value = $"COALESCE({value}, {arg(true)})";
        return $"(SELECT CASE WHEN p.{Name(field.Until!)} IS NULL OR p.{Name(field.Until!)} >= {d1} THEN {value} END FROM {Name(field.Table!)} AS p " +
            $"WHERE p.{Name(field.Employee!)} = {id} AND p.{Name(field.From!)} <= {d2} ORDER BY p.{Name(field.From!)} DESC LIMIT 1)";
    }

    private static string Range<T>(string column, T? low, bool lowIncluded, T? high, bool highIncluded, Func<object, string> arg) where T : struct
    {
        var parts = new List<string>();
        if (low is { } l) parts.Add($"{column} {(lowIncluded ? ">=" : ">")} {arg(l)}");
        if (high is { } h) parts.Add($"{column} {(highIncluded ? "<=" : "<")} {arg(h)}");
        return parts.Count == 0 ? "1 = 1" : string.Join(" AND ", parts);
    }

    private static string Written(FieldMapping field, string code) => field.Codes.GetValueOrDefault(code) ?? code;

    /// <summary>A table or column name as quoted identifiers, each dotted part apart (<c>hr.pegawai</c> → <c>"hr"."pegawai"</c>).</summary>
    internal static string Name(string name) => string.Join(".", name.Split('.').Select(part => "\"" + part.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
}
