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
            foreach (var condition in term.Conditions) parts.Add(Condition(condition, mapping, id, Arg));
            terms.Add("(" + string.Join(" AND ", parts) + ")");
        }
        // Employees of units the known facts do not list have no unit to decide by: indeterminate.
        if (mode == WorkMode.Indeterminate)
            terms.Add(residual.Units.Count == 0 ? $"(1 = 1)" : $"({unit} IS NULL OR {unit} NOT IN ({string.Join(", ", residual.Units.Select(u => Arg(u)))}))");
        var where = terms.Count == 0 ? "1 = 0" : string.Join("\n   OR ", terms);
        return new SqlQuery($"SELECT {id} FROM {Name(mapping.Table)} AS t\nWHERE {where}\nORDER BY {id}", [.. arguments]);
    }

    private static string Condition(ResidualCondition condition, FactsMapping mapping, string id, Func<object, string> arg)
    {
        var key = condition.Field.StartsWith("employee.", StringComparison.Ordinal) ? condition.Field["employee.".Length..] : condition.Field;
        if (!mapping.Fields.TryGetValue(key, out var field))
            throw new ArgumentException($"the mapping gives no column for '{key}', which the rules read (add it under fields)", nameof(mapping));
        // Codes one by one are one IN list.
        var tests = condition.Classes.ToList();
        var inside = tests.OfType<CodeTest>().Where(c => c is { Outside: false, OrAbsent: false }).ToList();
        if (inside.Count > 1) tests = [.. tests.Except(inside), new CodeTest([.. inside.SelectMany(c => c.Codes)], Outside: false)];
        var classes = tests.Select(c => Class(c, field, id, arg, key)).ToList();
        return classes.Count == 1 ? classes[0] : "(" + string.Join(" OR ", classes) + ")";
    }

    private static string Class(ClassTest test, FieldMapping field, string id, Func<object, string> arg, string key)
    {
        if (test is SetTest set)
        {
            if (field.SetTable is not { } table) throw new ArgumentException($"'{key}' is a set: map it to a table with a row per code (table, employee, code)", "mapping");
            // A set is its rows: no row of the codes is "none of them" — also the empty set an absent field defaults to.
            return $"{(set.Any ? "" : "NOT ")}EXISTS (SELECT 1 FROM {Name(table)} AS s WHERE s.{Name(field.SetEmployee!)} = {id} AND s.{Name(field.SetCode!)} IN ({string.Join(", ", set.Codes.Select(code => arg(Written(field, code))))}))";
        }
        if (test is AbsentTest && field.SetTable is not null)
            throw new ArgumentException($"'{key}' is a set with no default: a table of rows cannot say it is unknown", "mapping");
        if (field.SetTable is not null) throw new ArgumentException($"'{key}' is mapped to a table of rows, but the rules read it as a single value: map it to a column", "mapping");
        var column = "t." + Name(field.Column);
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
