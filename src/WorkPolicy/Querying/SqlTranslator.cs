namespace WorkPolicy.Querying;

/// <summary>
/// A residual's terms of one mode as one SQL query over the HR system's tables: a term is its units and its field
/// conditions joined by AND, the terms by OR. Values are always parameters; names (tables, columns) are quoted
/// identifiers, each dotted part apart, so neither can change the query's shape. NULL follows the engine's meaning: an
/// absent field is in the "unknown" class (or its default's), never in another.
/// </summary>
internal static class SqlTranslator
{
    /// <summary>What the mapping lacks for a field a term reads; <see cref="ResidualDecisions.ToSql"/> makes it a diagnostic.</summary>
    internal sealed class MappingGap(string message) : Exception(message);

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
            foreach (var condition in term.Conditions)
                parts.Add(condition.Classes.FirstOrDefault() is RankTest
                    ? Rank(condition, term.Units, residual.Trees, mapping, Arg)
                    : Condition(condition, mapping, id, Arg, residual.On.ToDateOnly()));
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
            throw new MappingGap($"the mapping gives no column for '{key}', which the rules read (add it under fields)");
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
            if (field is not { Table: { } table, Code: not null }) throw new MappingGap($"'{key}' is a set: map it to a table with a row per code (table, employee, code)");
            // A set is its rows: no row of the codes is "none of them" — also the empty set an absent field defaults to.
            return $"{(set.Any ? "" : "NOT ")}EXISTS (SELECT 1 FROM {Name(table)} AS s WHERE s.{Name(field.Employee!)} = {id} AND s.{Name(field.Code!)} IN ({string.Join(", ", set.Codes.Select(code => arg(Written(field, code))))}))";
        }
        if (test is AbsentTest && field.Code is not null)
            throw new MappingGap($"'{key}' is a set with no default: a table of rows cannot say it is unknown");
        if (field.Code is not null) throw new MappingGap($"'{key}' is mapped to a table of rows, but the rules read it as a single value: map it to a column");
        if (key.StartsWith("status.", StringComparison.Ordinal) != field.From is not null)
            throw new MappingGap(field.From is null ? $"'{key}' is a dated series: map it to a table of periods (table, employee, from, until, column)" : $"'{key}' is not a dated series: map it to a column");
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
    /// A rank test's outcome, computed as the engine computes it from the levels the unit's staff (or its perangkat
    /// daerah's) hold in the table: false for a code that is no level, or when N levels above the employee's are held;
    /// true when fewer than N are held even counting every colleague whose level is unknown as one above; else unknown.
    /// Per unit of the term, since whose staff count depends on the unit.
    /// </summary>
    private static string Rank(ResidualCondition condition, IReadOnlyList<string> units, IReadOnlyDictionary<string, ValueList<string>> trees, FactsMapping mapping, Func<object, string> arg)
    {
        var rank = ((RankTest)condition.Classes[0]).Rank;
        var key = rank.Field.Key;
        if (!mapping.Fields.TryGetValue(key, out var field) || field.Table is not null)
            throw new MappingGap($"the mapping gives no column for '{key}', which the rules rank (add it under fields)");
        var levels = rank.Field.Decl.Rank;
        var fallback = rank.Field.Default is Facts.CodeFact d ? d.Code : null;
        string Value(string alias) => fallback is null ? $"{alias}.{Name(field.Column)}" : $"COALESCE({alias}.{Name(field.Column)}, {arg(Written(field, fallback))})";
        var outcomes = condition.Classes.Cast<RankTest>().Select(c => c.Outcome switch { Evaluation.Tri.True => "'T'", Evaluation.Tri.False => "'F'", _ => "'U'" }).ToList();
        var perUnit = new List<string>();
        foreach (var unit in units)
        {
            var peers = rank.TopUnit
                ? $"e2.{Name(mapping.Unit)} IN ({string.Join(", ", (trees.TryGetValue(unit, out var tree) ? tree : [unit]).Select(u => arg(u)))})"
                : $"e2.{Name(mapping.Unit)} = {arg(unit)}";
            var unknown = fallback is null ? $"(SELECT COUNT(*) FROM {Name(mapping.Table)} AS e2 WHERE {peers} AND e2.{Name(field.Column)} IS NULL)" : "0";
            var cases = new List<string> { $"WHEN {Value("t")} IS NULL THEN 'U'" };
            for (var i = 0; i < levels.Length; i++)
            {
                var above = i == 0 ? "0" : $"(SELECT COUNT(DISTINCT {Value("e2")}) FROM {Name(mapping.Table)} AS e2 WHERE {peers} AND {Value("e2")} IN ({string.Join(", ", levels.Take(i).Select(l => arg(Written(field, l))))}))";
                var couldBeAbove = $"(CASE WHEN {unknown} < {i} - {above} THEN {unknown} ELSE {i} - {above} END)";
                cases.Add($"WHEN {Value("t")} = {arg(Written(field, levels[i]))} THEN (CASE WHEN {above} >= {rank.Count} THEN 'F' WHEN {above} + {couldBeAbove} < {rank.Count} THEN 'T' ELSE 'U' END)");
            }
            perUnit.Add($"(t.{Name(mapping.Unit)} = {arg(unit)} AND (CASE {string.Join(" ", cases)} ELSE 'F' END) IN ({string.Join(", ", outcomes)}))");
        }
        return "(" + string.Join(" OR ", perUnit) + ")";
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
