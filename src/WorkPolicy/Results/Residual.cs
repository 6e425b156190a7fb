using System.Text.Json.Serialization;
using NodaTime;

namespace WorkPolicy;

/// <summary>
/// Who gets which mode on a date, as conditions over the employees' own fields: what the rules leave to decide once the
/// regions, units and calendar are known (<see cref="PolicyAnalysis.Residual"/>). An employee of a listed unit whose
/// fields meet a term's conditions gets the term's mode — the mode the engine decides for them, <c>indeterminate</c>
/// included (an absent field is a condition like any other) — and meets exactly one term. An employee of a unit the
/// known facts do not list is indeterminate; units whose rules split their employees into more classes than a query
/// holds are listed in <see cref="Unsupported"/> and in no term.
/// </summary>
/// <example><code>var residual = engine.Analysis.Residual(known, new LocalDate(2021, 7, 30));
/// foreach (var term in residual.For(WorkMode.Office)) Console.WriteLine(term);
/// var sql = residual.ToSql(WorkMode.Office, mapping, SqlDialect.PostgreSql).Value;</code></example>
public sealed record ResidualDecisions : Report
{
    [JsonConstructor]
    internal ResidualDecisions(LocalDate on, ValueList<ResidualTerm> terms, ValueList<string> units, ValueList<string> unsupported)
    {
        On = on;
        Terms = terms;
        Units = units;
        Unsupported = unsupported;
    }

    /// <summary>The date decided.</summary>
    public LocalDate On { get; }

    /// <summary>Every term, by mode, then provision, then unit.</summary>
    public ValueList<ResidualTerm> Terms { get; }

    /// <summary>The units the known facts list (an employee of any other unit is indeterminate).</summary>
    public ValueList<string> Units { get; }

    /// <summary>Units whose rules read what a query cannot ask; their employees are in no term (decide them one by one).</summary>
    public ValueList<string> Unsupported { get; }

    /// <summary>Per known unit, the units of its perangkat daerah (its top unit's tree): whose staff a rank "of top-unit" reads.</summary>
    [JsonIgnore]
    internal IReadOnlyDictionary<string, ValueList<string>> Trees { get; init; } = new Dictionary<string, ValueList<string>>();

    /// <summary>Equal by the members a reader sees (the date, the terms, the units), as every report.</summary>
    public bool Equals(ResidualDecisions? other) =>
        other is not null && On == other.On && Terms.Equals(other.Terms) && Units.Equals(other.Units) && Unsupported.Equals(other.Unsupported);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(On, Terms, Units, Unsupported);

    /// <summary>The terms of <paramref name="mode"/>.</summary>
    public ValueList<ResidualTerm> For(WorkMode mode) => [.. Terms.Where(t => t.Mode == mode)];

    /// <summary>The same residual with the terms of <paramref name="mode"/> only (what <c>query --mode</c> and <c>POST /v1/filter</c> show).</summary>
    public ResidualDecisions Only(WorkMode mode) => new(On, For(mode), Units, Unsupported) { Trees = Trees };

    /// <summary>
    /// The query that selects the ids of the employees who get <paramref name="mode"/>, over the tables and columns
    /// <paramref name="mapping"/> names; every value is a parameter, never text in the query. For
    /// <see cref="WorkMode.Indeterminate"/> it also selects employees of units the known facts do not list. Null, with
    /// the diagnostic (WP0205 at the mapping), when the mapping does not say where a field a term reads is kept.
    /// </summary>
    /// <exception cref="InvalidOperationException">The residual was read back from JSON, which keeps the conditions' words, not their classes.</exception>
    public Loaded<SqlQuery> ToSql(WorkMode mode, FactsMapping mapping, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        Translatable();
        try
        {
            return new(Querying.SqlTranslator.Translate(this, mode, mapping, dialect), []);
        }
        catch (Querying.SqlTranslator.MappingGap gap)
        {
            return new(null, [Diagnostic.Create(Diagnostics.DiagnosticMessages.MappingCannotTranslate, SourceSpan.At(mapping.Name, 1, 1), gap.Message)]);
        }
    }

    /// <summary>
    /// The predicate that holds for the records of employees who get <paramref name="mode"/>, over an app's own record
    /// type (LINQ; EF Core translates it to its database's SQL): the unit a <c>Unit</c> property, each field the
    /// property its words name in PascalCase (<c>it_capable</c> → <c>ItCapable</c>, <c>health.healthy</c> →
    /// <c>Health.Healthy</c>), codes as enum members of the same names or as strings, null as absent — the layout of
    /// the typed facts WorkPolicy.Build makes. Dated series are not record properties: use <see cref="ToSql"/>.
    /// </summary>
    /// <example><code>var office = residual.ToExpression&lt;Employee&gt;(WorkMode.Office);
    /// var ids = db.Employees.Where(office).Select(e => e.Id).ToList();</code></example>
    /// <exception cref="ArgumentException">The record type has no property for a field a term needs, or one of another type.</exception>
    [System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode("Reads the record type's properties by name.")]
    [System.Diagnostics.CodeAnalysis.RequiresDynamicCode("Builds an expression tree over the record type.")]
    public System.Linq.Expressions.Expression<Func<T, bool>> ToExpression<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicProperties)] T>(WorkMode mode)
    {
        Translatable();
        return Querying.LinqTranslator.Translate<T>(this, mode);
    }

    /// <summary>Refuses a residual whose terms hold no classes (one read back from JSON keeps only their words).</summary>
    private void Translatable()
    {
        if (!Terms.All(t => t.Conditions.All(c => c.Classes.Count > 0))) throw new InvalidOperationException("this residual was read back from JSON, which keeps the conditions' words, not their classes: translate the engine's own (PolicyAnalysis.Residual)");
    }

    /// <inheritdoc/>
    public override void WriteText(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine($"on {On:uuuu-MM-dd}, {Units.Count} unit(s) known:");
        foreach (var group in Terms.GroupBy(t => t.Mode))
        {
            writer.WriteLine($"{group.Key.Word()}:");
            foreach (var t in group) writer.WriteLine("  " + t);
        }
        if (Unsupported.Count > 0) writer.WriteLine($"not translated (too many classes of employees): {string.Join(", ", Unsupported)}");
    }
}

/// <summary>
/// Employees of <see cref="Units"/> whose fields meet every one of <see cref="Conditions"/> get <see cref="Mode"/>, by
/// <see cref="Provision"/> (<c>circular/provision</c>, or null where no provision decides).
/// </summary>
public sealed record ResidualTerm(WorkMode Mode, string? Provision, ValueList<string> Units, ValueList<ResidualCondition> Conditions)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{(Provision is { } p ? p + ": " : "")}unit in {{{string.Join(", ", Units)}}}{string.Concat(Conditions.Select(c => " and " + c.Text))}";
}

/// <summary>A condition on one employee field: <c>employee.position in {pelaksana}</c>, <c>employee.it_capable unknown</c>.</summary>
public sealed record ResidualCondition(string Field, string Text)
{
    /// <summary>The classes of values the condition admits (one of them, any of them).</summary>
    [JsonIgnore]
    internal ValueList<Querying.ClassTest> Classes { get; init; } = [];

    /// <inheritdoc/>
    public bool Equals(ResidualCondition? other) => other is not null && Field == other.Field && Text == other.Text;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Field, Text);
}

/// <summary>The SQL a residual is translated to.</summary>
public enum SqlDialect
{
    /// <summary>SQLite 3.</summary>
    Sqlite,
    /// <summary>PostgreSQL.</summary>
    PostgreSql,
}

/// <summary>The words of the SQL dialects, as <c>workpolicy query --sql</c> and <c>POST /v1/filter</c> take them.</summary>
public static class SqlDialects
{
    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    /// <example><code>SqlDialects.TryParse("postgres", out var dialect);   // SqlDialect.PostgreSql</code></example>
    public static bool TryParse(string? word, out SqlDialect dialect)
    {
        (var known, dialect) = word switch { "sqlite" => (true, SqlDialect.Sqlite), "postgres" => (true, SqlDialect.PostgreSql), _ => (false, default) };
        return known;
    }
}

/// <summary>A query and its parameters (<c>@p0</c>, <c>@p1</c>, …): bind them as they are; no value is in the text.</summary>
public sealed record SqlQuery(string Text, ValueList<SqlArgument> Arguments);

/// <summary>One parameter: its name as the text uses it, and its value (a string, a bool, a number, a <see cref="DateOnly"/>).</summary>
public sealed record SqlArgument(string Name, [property: JsonIgnore] object Value)
{
    /// <summary>The value as text (for printing and JSON).</summary>
    public string Text => Value switch
    {
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => Value.ToString() ?? "",
    };
}
