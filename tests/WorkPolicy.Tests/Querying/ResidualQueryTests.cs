using System.Collections.Immutable;
using System.Data.Common;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using NodaTime;
using Npgsql;
using WorkPolicy.Ast;
using WorkPolicy.Loading;
using Xunit;

namespace WorkPolicy.Tests.Querying;

/// <summary>
/// The residual of a date, translated to SQL, held to the engine employee by employee on real databases: generated
/// populations (every field of the vocabulary, absent a fifth of the time, birth dates on the age boundaries) are
/// loaded into SQLite — and PostgreSQL where CI starts one — and for every sample rule set, several dates and every mode,
/// the rows each query returns are exactly the employees the engine decides that mode for. Units whose rules a query
/// cannot ask (a dated personal series, a rank) are listed, and their employees returned by no query.
/// </summary>
public class ResidualQueryTests
{
    public static TheoryData<string, string> RuleSets() => new()
    {
        { "samples/circulars", "2021-07-30" },
        { "samples/circulars", "2020-08-04" },
        { "samples/circulars", "2021-08-26" },
        { "samples/circulars/national", "2021-07-08" },
        { "samples/circulars/national", "2021-08-10" },
        { "samples/circulars/depok", "2020-03-20" },
        { "samples/circulars/boyolali", "2020-09-15" },
        { "samples/circulars/cirebon", "2020-09-15" },
        { "samples/circulars/kendari", "2020-06-08" },
        { "samples/circulars/kendari/by-rank", "2020-06-08" },
        { "samples/circulars/readings/in-turns", "2021-08-02" },
        { "samples/circulars/readings", "2021-08-02" },
        { "samples/circulars/interpretations", "2021-08-26" },
    };

    [Theory]
    [MemberData(nameof(RuleSets))]
    public void Each_mode_s_query_returns_exactly_the_employees_the_engine_decides_it_for_on_sqlite(string rules, string date)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Differential(rules, LocalDate.FromDateTime(DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture)), connection, SqlDialect.Sqlite, schema: null);
    }

    [Theory]
    [MemberData(nameof(RuleSets))]
    public void Each_mode_s_query_returns_exactly_the_employees_the_engine_decides_it_for_on_postgresql(string rules, string date)
    {
        if (Environment.GetEnvironmentVariable("WORKPOLICY_TEST_POSTGRES") is not { Length: > 0 } server)
        {
            Environment.GetEnvironmentVariable("WORKPOLICY_POSTGRES_TESTS").Should().NotBe("required", "a PostgreSQL server is required here");
            return;
        }
        // A schema of its own on the server's database, dropped after: no database to create per case.
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        var schema = "residual_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            Differential(rules, LocalDate.FromDateTime(DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture)), connection, SqlDialect.PostgreSql, schema);
        }
        finally
        {
            Execute(connection, $"DROP SCHEMA IF EXISTS {schema} CASCADE");
        }
    }

    [Theory]
    [InlineData("samples/circulars", "2021-07-30")]
    [InlineData("samples/circulars", "2021-08-26")]
    [InlineData("samples/circulars/national", "2021-07-08")]
    [InlineData("samples/circulars/kendari", "2020-06-08")]
    [InlineData("samples/circulars/boyolali", "2020-09-15")]
    [InlineData("samples/circulars/cirebon", "2020-09-15")]
    public void Each_mode_s_expression_holds_for_exactly_the_records_the_engine_decides_it_for(string ruleSet, string date)
    {
        var on = LocalDate.FromDateTime(DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        var engine = PolicyEngine.Load(Repo.Path(ruleSet.Split('/'))).Value!;
        var vocabulary = RuleLoader.LoadRuleSet([Repo.Path(ruleSet.Split('/'))]).Vocabulary;
        var fields = vocabulary.Fields.Values.Where(f => f.Path.StartsWith("employee.", StringComparison.Ordinal) && !f.Path.StartsWith("employee.status.", StringComparison.Ordinal)).ToList();
        var facts = engine.Facts.Build(Population(vocabulary, fields, [], on, seed: 3)).Value!;
        var residual = engine.Analysis.Residual(facts, on).Value!;
        // The records an app keeps: codes as enum members where it has enums, as strings elsewhere; null for absent.
        var records = facts.File.Employees.Select(Staff.Of).Append(new Staff("zz-stranger", "no-such-unit")).ToList();
        var decided = engine.DecideAll(facts, on, on).GroupBy(d => d.Mode).ToDictionary(g => g.Key, g => g.Select(d => d.Employee).ToList());
        decided[WorkMode.Indeterminate] = [.. decided.GetValueOrDefault(WorkMode.Indeterminate, []), "zz-stranger"];
        foreach (var mode in Enum.GetValues<WorkMode>())
        {
            var predicate = residual.ToExpression<Staff>(mode);
            records.AsQueryable().Where(predicate).Select(r => r.Id).Order(StringComparer.Ordinal).Should().Equal(decided.GetValueOrDefault(mode, []).Order(StringComparer.Ordinal), $"{ruleSet} on {date}: {mode.Word()}");
        }
    }

    [Fact]
    public void An_expression_cannot_read_a_dated_series_and_says_so()
    {
        var engine = PolicyEngine.Load(Repo.Path("samples", "circulars", "depok")).Value!;
        var vocabulary = RuleLoader.LoadRuleSet([Repo.Path("samples", "circulars", "depok")]).Vocabulary;
        var facts = engine.Facts.Build(Population(vocabulary, [], [], new LocalDate(2020, 3, 20), seed: 1)).Value!;
        var residual = engine.Analysis.Residual(facts, new LocalDate(2020, 3, 20)).Value!;
        FluentActions.Invoking(() => Enum.GetValues<WorkMode>().Select(m => residual.ToExpression<Staff>(m)).ToList())
            .Should().Throw<NotSupportedException>().WithMessage("*dated series*");
    }

    public enum PositionCode { JptPratama, Administrator, Pengawas, Pelaksana, Fungsional }

    public enum EmploymentCode { Pns, Pppk, Ptt, Kontrak, Honorer }

    /// <summary>An HR system's employee record, laid out as WorkPolicy.Build's typed facts are (some codes as enums, some as strings).</summary>
    public sealed record Staff(string Id, string? Unit)
    {
        public EmploymentCode? Employment { get; init; }
        public PositionCode? Position { get; init; }
        public string? Echelon { get; init; }
        public decimal? Tier { get; init; }
        public LocalDate? BirthDate { get; init; }
        public string[]? Roles { get; init; }
        public StaffHealth? Health { get; init; }
        public bool? ItCapable { get; init; }
        public bool? Vaccinated { get; init; }

        internal static Staff Of(Facts.EmployeeFacts e)
        {
            T? Get<T>(string key) where T : class => e.Fields.GetValueOrDefault(key) as T;
            TEnum? Code<TEnum>(string key) where TEnum : struct, Enum => Get<Facts.CodeFact>(key) is { } c ? Enum.Parse<TEnum>(WorkPolicy.Generation.FactTypesNames.Pascal(c.Code)) : null;
            var health = new StaffHealth
            {
                Healthy = Get<Facts.BoolFact>("health.healthy")?.Value, Certified = Get<Facts.BoolFact>("health.certified")?.Value,
                Pregnant = Get<Facts.BoolFact>("health.pregnant")?.Value, Breastfeeding = Get<Facts.BoolFact>("health.breastfeeding")?.Value,
                Chronic = Get<Facts.CodeSetFact>("health.chronic")?.Codes.ToArray(),
            };
            return new Staff(e.Id, e.Unit)
            {
                Employment = Code<EmploymentCode>("employment"), Position = Code<PositionCode>("position"), Echelon = Get<Facts.CodeFact>("echelon")?.Code,
                Tier = Get<Facts.NumberFact>("tier")?.Value, BirthDate = Get<Facts.DateFact>("birth_date")?.Value, Roles = Get<Facts.CodeSetFact>("roles")?.Codes.ToArray(),
                ItCapable = Get<Facts.BoolFact>("it_capable")?.Value, Vaccinated = Get<Facts.BoolFact>("vaccinated")?.Value,
                // No health record at all stands for every health field absent.
                Health = health == new StaffHealth() ? null : health,
            };
        }
    }

    public sealed record StaffHealth
    {
        public bool? Healthy { get; init; }
        public string[]? Chronic { get; init; }
        public bool? Certified { get; init; }
        public bool? Pregnant { get; init; }
        public bool? Breastfeeding { get; init; }

        public bool Equals(StaffHealth? other) => other is not null && Healthy == other.Healthy && Certified == other.Certified && Pregnant == other.Pregnant
            && Breastfeeding == other.Breastfeeding && (Chronic ?? []).SequenceEqual(other.Chronic ?? []) && (Chronic is null) == (other.Chronic is null);

        public override int GetHashCode() => HashCode.Combine(Healthy, Certified, Pregnant, Breastfeeding);
    }

    [Fact]
    public void Names_and_codes_with_quotes_semicolons_and_comment_markers_stay_names_and_values()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        const string table = "staff\"; DROP TABLE x; --", id = "id'--", unit = "unit /* u */", column = "pos\"ition";
        Execute(connection, $"CREATE TABLE x (a INTEGER)");
        Execute(connection, $"CREATE TABLE {Quote(table)} ({Quote(id)} TEXT, {Quote(unit)} TEXT, {Quote(column)} TEXT)");
        var engine = PolicyEngine.Load(Repo.Path("samples", "circulars")).Value!;
        var known = engine.Facts.Load(Repo.Path("samples", "facts", "sample.facts.yaml")).Value!;
        var residual = engine.Analysis.Residual(known, new LocalDate(2021, 7, 30)).Value!;
        var evil = "pelaksana'); DROP TABLE x; --";
        var mapping = new FactsMapping(table, id, unit, ImmutableDictionary<string, FieldMapping>.Empty
            .Add("position", new FieldMapping(column) { Codes = ImmutableDictionary<string, string>.Empty.Add("pelaksana", evil) })
            .Add("employment", new FieldMapping(column)).Add("echelon", new FieldMapping(column)).Add("it_capable", new FieldMapping(column)));
        foreach (var (employee, where, written) in new[] { ("a", "dinsos-lutra", evil), ("b", "dinsos-lutra", "pelaksana") })
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = $"INSERT INTO {Quote(table)} VALUES (@i, @u, @v)";
            insert.Parameters.AddWithValue("@i", employee);
            insert.Parameters.AddWithValue("@u", where);
            insert.Parameters.AddWithValue("@v", written);
            insert.ExecuteNonQuery();
        }
        foreach (var mode in Enum.GetValues<WorkMode>())
        {
            var query = residual.ToSql(mode, mapping, SqlDialect.Sqlite).Value!;
            query.Text.Should().NotContain(evil).And.NotContain("DROP TABLE x;\n");
            Run(connection, query);
        }
        using var still = connection.CreateCommand();
        still.CommandText = "SELECT count(*) FROM x";
        still.ExecuteScalar().Should().Be(0L, "the table named in a code is still there");
    }

    [Fact]
    public void Units_alike_but_for_a_set_of_services_are_decided_apart()
    {
        // Palopo exempts a unit that gives critical service: two units alike but for their services get two modes.
        var engine = PolicyEngine.Load(Repo.Path("samples", "circulars")).Value!;
        var known = engine.Facts.Build(new FactsBuilder("units")
            .RegionStatus("kota-palopo", "ppkm", new LocalDate(2021, 7, 26), new() { ["level"] = 4 })
            .Unit("critical", "kota-palopo", new() { ["kind"] = "badan", ["agency"] = "bpbd", ["services"] = new[] { "critical" } })
            .Unit("counter", "kota-palopo", new() { ["kind"] = "badan", ["agency"] = "bpbd", ["services"] = new[] { "counter" } })).Value!;
        var residual = engine.Analysis.Residual(known, new LocalDate(2021, 7, 30)).Value!;
        residual.For(WorkMode.Office).Should().ContainSingle().Which.Units.Should().Equal("critical");
        residual.For(WorkMode.Rotation).Should().ContainSingle().Which.Units.Should().Equal("counter");
    }

    [Fact]
    public void Units_whose_rules_split_them_past_the_bound_are_left_out_and_named()
    {
        var engine = PolicyEngine.Load(Repo.Path("samples", "circulars")).Value!;
        var known = engine.Facts.Load(Repo.Path("samples", "facts", "sample.facts.yaml")).Value!;
        var (residual, diagnostics) = WorkPolicy.Querying.ResidualBuilder.Build(engine.Rules.Model, known.File, new LocalDate(2021, 7, 30), maxDecisionsPerUnit: 3);
        // Luwu Utara's staff office splits on employment, position, echelon and IT skill: far more than 3 decisions.
        residual.Unsupported.Should().Contain("dinsos-lutra");
        residual.Terms.Should().NotContain(t => t.Units.Contains("dinsos-lutra"));
        diagnostics.Should().Contain(d => d.Code == "WP0326" && d.Message.Contains("dinsos-lutra"));
        // A unit that needs one decision is still translated.
        residual.Terms.Should().Contain(t => t.Units.Contains("puskesmas-wara") && t.Mode == WorkMode.Office);
    }

    [Fact]
    public void A_field_the_mapping_leaves_out_is_named()
    {
        var engine = PolicyEngine.Load(Repo.Path("samples", "circulars")).Value!;
        var known = engine.Facts.Load(Repo.Path("samples", "facts", "sample.facts.yaml")).Value!;
        var residual = engine.Analysis.Residual(known, new LocalDate(2021, 7, 30)).Value!;
        var mapping = new FactsMapping("staff", "id", "unit", ImmutableDictionary<string, FieldMapping>.Empty);
        var translated = residual.ToSql(WorkMode.Rotation, mapping with { Name = "hr.mapping.yaml" }, SqlDialect.PostgreSql);
        translated.Value.Should().BeNull();
        translated.Diagnostics.Should().ContainSingle().Which.ToString().Should().StartWith("hr.mapping.yaml(1,1): error WP0205:").And.Contain("'employment'");
    }

    [Fact]
    public void A_mapping_file_is_read_with_its_places()
    {
        var read = FactsMapping.Parse("hr.mapping.yaml", """
            employees: { table: hr.pegawai, id: nip, unit: unit_kerja }
            fields:
              employment: status
              position: { column: jabatan, codes: { jpt-pratama: JPT Pratama } }
              roles: { table: hr.peran, employee: nip, code: peran }
            """);
        read.Diagnostics.Should().BeEmpty();
        read.Value!.Fields["position"].Codes["jpt-pratama"].Should().Be("JPT Pratama");
        read.Value.Fields["roles"].Table.Should().Be("hr.peran");
        var bad = FactsMapping.Parse("hr.mapping.yaml", "employees: { table: t, id: i, unit: u }\nfield: {}\n");
        bad.Value.Should().BeNull();
        bad.Diagnostics.Should().ContainSingle(d => d.Code == "WP0204" && d.Span.Line == 2);
    }

    [Fact]
    public void A_mapping_of_many_wrong_keys_reports_the_first_thousand_and_a_count()
    {
        // What a request's body could hold (POST /v1/filter's mapping): 5,000 unknown keys are not 5,000 problems.
        var text = "employees: { table: t, id: i, unit: u }\n" + string.Concat(Enumerable.Range(0, 5000).Select(i => $"wrong{i}: x\n"));
        var read = FactsMapping.Parse("request/mapping", text);
        read.Value.Should().BeNull();
        read.Diagnostics.Should().HaveCount(1001);
        read.Diagnostics[^1].Message.Should().Contain("4,000 more");
    }

    private static void Differential(string ruleSet, LocalDate on, DbConnection connection, SqlDialect dialect, string? schema)
    {
        var loaded = PolicyEngine.Load(Repo.Path(ruleSet.Split('/')));
        loaded.Value.Should().NotBeNull(string.Join("\n", loaded.Diagnostics));
        var engine = loaded.Value!;
        var vocabulary = RuleLoader.LoadRuleSet([Repo.Path(ruleSet.Split('/'))]).Vocabulary;
        var fields = vocabulary.Fields.Values.Where(f => f.Path.StartsWith("employee.", StringComparison.Ordinal) && !f.Path.StartsWith("employee.status.", StringComparison.Ordinal))
            .OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var series = vocabulary.Fields.Values.Where(f => f.Path.StartsWith("employee.status.", StringComparison.Ordinal))
            .GroupBy(f => f.Path.Split('.')[2]).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(f => f.Path, StringComparer.Ordinal).ToList());
        foreach (var seed in new[] { 1, 2 })
        {
            var builder = Population(vocabulary, fields, series, on, seed);
            var facts = engine.Facts.Build(builder).Value!;
            var residual = engine.Analysis.Residual(facts, on);
            var result = residual.Value!;
            // Every sample is translated whole: dated series from their tables, ranks from the unit's staff in the table.
            result.Unsupported.Should().BeEmpty(string.Join("\n", residual.Diagnostics));
            var prefix = schema is null ? "" : schema + ".";
            if (schema is not null) Execute(connection, $"CREATE SCHEMA IF NOT EXISTS {schema}");
            var tables = Load(connection, dialect, prefix + "staff", fields, series, facts, seed);
            var mapping = new FactsMapping(prefix + "staff", "id", "unit", tables);
            var unitOf = facts.File.Employees.ToDictionary(e => e.Id, e => e.Unit, StringComparer.Ordinal);
            var expected = engine.DecideAll(facts, on, on).Where(d => !result.Unsupported.Contains(unitOf[d.Employee]))
                .GroupBy(d => d.Mode).ToDictionary(g => g.Key, g => g.Select(d => d.Employee).ToList());
            // A row of a unit the known facts do not list has no unit to be decided by: indeterminate.
            Execute(connection, $"INSERT INTO {prefix}staff (id, unit) VALUES ('zz-stranger', 'no-such-unit')");
            expected[WorkMode.Indeterminate] = [.. expected.GetValueOrDefault(WorkMode.Indeterminate, []), "zz-stranger"];
            foreach (var mode in Enum.GetValues<WorkMode>())
            {
                var rows = Run(connection, result.ToSql(mode, mapping, dialect).Value!);
                rows.Should().Equal(expected.GetValueOrDefault(mode, []).Order(StringComparer.Ordinal), $"{ruleSet} on {on}, seed {seed}: {mode.Word()}\n{result}");
            }
            Drop(connection, prefix + "staff", tables);
        }
    }

    /// <summary>
    /// Units of every region the rules name (every kind, agency and service mix drawn), each region's status series
    /// drawn over the weeks before the date, and employees with every field drawn — absent a fifth of the time — and
    /// birth dates on the age boundaries of the date.
    /// </summary>
    internal static FactsBuilder Population(Model.Vocabulary vocabulary, List<FieldDecl> fields, Dictionary<string, List<FieldDecl>> series, LocalDate on, int seed)
    {
        var random = new Random(seed);
        var builder = new FactsBuilder("generated").Calendar([IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday], []).NoIncidents();
        var unitFields = vocabulary.Fields.Values.Where(f => f.Path.StartsWith("unit.", StringComparison.Ordinal)).ToList();
        var regionFields = vocabulary.Fields.Values.Where(f => f.Path.StartsWith("region.", StringComparison.Ordinal) && f.Path.Count(c => c == '.') == 2).GroupBy(f => f.Path.Split('.')[1]).ToList();
        var regions = vocabulary.Regions.Keys.Order(StringComparer.Ordinal).ToList();
        var unitIds = new List<string>();
        foreach (var region in regions)
        {
            foreach (var status in regionFields)
                foreach (var from in new[] { on.PlusDays(-20), on.PlusDays(-3) })
                    builder.RegionStatus(region, status.Key, from, status.ToDictionary(f => f.Path.Split('.')[2], f => Draw(f, random, on, absentOneIn: 0)));
            for (var u = 0; u < 6; u++)
            {
                var id = $"{region}-u{u}";
                var values = unitFields.Select(f => (f.Path[5..], Draw(f, random, on, absentOneIn: 6))).Where(v => v.Item2 is not null).ToDictionary(v => v.Item1, v => v.Item2);
                builder.Unit(id, region, values, parent: u >= 4 ? $"{region}-u0" : null);
                unitIds.Add(id);
            }
        }
        var ages = new[] { 49, 50, 51, 55, 56 };
        for (var e = 0; e < 400; e++)
        {
            var id = $"e{e:D4}";
            if (unitIds.Count == 0) break;
            var unit = unitIds[random.Next(unitIds.Count)];
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var f in fields)
            {
                var v = f.Kind == FieldKind.Date && random.Next(2) == 0
                    ? WorkPolicy.Querying.FieldClasses.LastBornAged(ages[random.Next(ages.Length)], on).PlusDays(random.Next(-1, 2))
                    : Draw(f, random, on, absentOneIn: 5);
                if (v is not null) values[f.Path["employee.".Length..]] = v;
            }
            builder.Employee(id, unit, values);
            // Dated personal series: up to three periods around the date, some open, some ended, some not begun.
            foreach (var (name, decls) in series)
            {
                var from = on.PlusDays(-random.Next(0, 12));
                for (var k = random.Next(0, 4); k > 0; k--)
                {
                    var until = random.Next(3) == 0 ? (LocalDate?)null : from.PlusDays(random.Next(0, 6));
                    var entry = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var f in decls)
                        if (Draw(f, random, on, absentOneIn: 4) is { } v) entry[f.Path.Split('.')[3]] = v;
                    builder.EmployeeStatus(id, name, from, until, entry);
                    from = (until ?? from).PlusDays(random.Next(1, 5));
                }
            }
        }
        return builder;
    }

    private static object? Draw(FieldDecl f, Random random, LocalDate on, int absentOneIn)
    {
        if (absentOneIn > 0 && random.Next(absentOneIn) == 0) return null;
        return f.Kind switch
        {
            FieldKind.OneOf => f.Codes[random.Next(f.Codes.Length)],
            FieldKind.SetOf => f.Codes.Where(_ => random.Next(4) == 0).ToArray(),
            FieldKind.Bool => random.Next(2) == 0,
            FieldKind.Number => (decimal)random.Next(-1, 6) + (random.Next(4) == 0 ? 0.5m : 0m),
            FieldKind.Date => on.PlusDays(-random.Next(0, 365 * 70)),
            _ => null,
        };
    }

    /// <summary>The employees as an HR system keeps them: a column per field, a table of rows per set field.</summary>
    private static ImmutableDictionary<string, FieldMapping> Load(DbConnection connection, SqlDialect dialect, string table, List<FieldDecl> fields, Dictionary<string, List<FieldDecl>> series, PolicyFacts facts, int seed)
    {
        var mapping = ImmutableDictionary.CreateBuilder<string, FieldMapping>(StringComparer.Ordinal);
        string Type(FieldKind k) => (k, dialect) switch
        {
            (FieldKind.Bool, SqlDialect.PostgreSql) => "BOOLEAN",
            (FieldKind.Number, SqlDialect.PostgreSql) => "NUMERIC",
            (FieldKind.Date, SqlDialect.PostgreSql) => "DATE",
            (FieldKind.Bool, _) => "INTEGER",
            (FieldKind.Number, _) => "REAL",
            _ => "TEXT",
        };
        foreach (var (name, decls) in series)
        {
            var periods = $"{table}_s_{name}";
            Execute(connection, $"CREATE TABLE {periods} (employee TEXT NOT NULL, from_day {Type(FieldKind.Date)} NOT NULL, until_day {Type(FieldKind.Date)}{string.Concat(decls.Select(f => $", v_{f.Path.Split('.')[3]} {Type(f.Kind)}"))})");
            foreach (var f in decls) mapping[$"status.{name}.{f.Path.Split('.')[3]}"] = new FieldMapping($"v_{f.Path.Split('.')[3]}") { Table = periods, Employee = "employee", From = "from_day", Until = "until_day" };
        }
        var columns = new List<(FieldDecl Field, string Column)>();
        foreach (var f in fields)
        {
            var key = f.Path["employee.".Length..];
            var column = "f_" + key.Replace('.', '_');
            if (f.Kind == FieldKind.SetOf)
            {
                var rows = $"{table}_{column}";
                Execute(connection, $"CREATE TABLE {rows} (employee TEXT NOT NULL, code TEXT NOT NULL)");
                mapping[key] = new FieldMapping("") { Table = rows, Employee = "employee", Code = "code" };
                continue;
            }
            columns.Add((f, column));
            // Codes as an HR system might write them: upper case, where the mapping says so.
            mapping[key] = new FieldMapping(column) { Codes = f.Kind == FieldKind.OneOf && seed == 2 ? f.Codes.ToImmutableDictionary(c => c, c => c.ToUpperInvariant()) : ImmutableDictionary<string, string>.Empty };
        }
        Execute(connection, $"CREATE TABLE {table} (id TEXT PRIMARY KEY, unit TEXT{string.Concat(columns.Select(c => $", {c.Column} {Type(c.Field.Kind)}"))})");
        using var tx = connection.BeginTransaction();
        foreach (var e in facts.File.Employees)
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = $"INSERT INTO {table} VALUES (@id, @unit{string.Concat(columns.Select((_, i) => $", @c{i}"))})";
            Add(insert, "@id", e.Id);
            Add(insert, "@unit", e.Unit);
            for (var i = 0; i < columns.Count; i++)
            {
                var (f, _) = columns[i];
                Add(insert, $"@c{i}", Column(e.Fields.GetValueOrDefault(f.Path["employee.".Length..]), mapping[f.Path["employee.".Length..]]));
            }
            insert.ExecuteNonQuery();
            foreach (var (name, decls) in series)
            {
                if (!e.Status.TryGetValue(name, out var entries)) continue;
                foreach (var entry in entries)
                {
                    using var row = connection.CreateCommand();
                    row.Transaction = tx;
                    row.CommandText = $"INSERT INTO {table}_s_{name} VALUES (@e, @f, @u{string.Concat(decls.Select((_, i) => $", @v{i}"))})";
                    Add(row, "@e", e.Id);
                    Add(row, "@f", entry.From.ToDateOnly());
                    Add(row, "@u", entry.Until?.ToDateOnly());
                    for (var i = 0; i < decls.Count; i++) Add(row, $"@v{i}", Column(entry.Values.GetValueOrDefault(decls[i].Path.Split('.')[3]), null));
                    row.ExecuteNonQuery();
                }
            }
            foreach (var f in fields.Where(f => f.Kind == FieldKind.SetOf))
            {
                if (e.Fields.GetValueOrDefault(f.Path["employee.".Length..]) is not Facts.CodeSetFact set) continue;
                foreach (var code in set.Codes)
                {
                    using var row = connection.CreateCommand();
                    row.Transaction = tx;
                    row.CommandText = $"INSERT INTO {mapping[f.Path["employee.".Length..]].Table} VALUES (@e, @c)";
                    Add(row, "@e", e.Id);
                    Add(row, "@c", code);
                    row.ExecuteNonQuery();
                }
            }
        }
        tx.Commit();
        return mapping.ToImmutable();

        object? Column(Facts.FactValue? given, FieldMapping? field) => given switch
        {
            Facts.CodeFact c => field?.Codes.GetValueOrDefault(c.Code) ?? c.Code,
            Facts.BoolFact b => b.Value,
            Facts.NumberFact n => dialect == SqlDialect.Sqlite ? (double)n.Value : n.Value,
            Facts.DateFact d => d.Value.ToDateOnly(),
            _ => null,
        };
    }

    private static void Drop(DbConnection connection, string table, ImmutableDictionary<string, FieldMapping> mapping)
    {
        Execute(connection, $"DROP TABLE {table}");
        foreach (var t in mapping.Values.Select(m => m.Table).OfType<string>().Distinct()) Execute(connection, $"DROP TABLE {t}");
    }

    private static List<string> Run(DbConnection connection, SqlQuery query)
    {
        using var command = connection.CreateCommand();
        command.CommandText = query.Text;
        foreach (var a in query.Arguments) Add(command, a.Name, a.Value);
        var ids = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) ids.Add(reader.GetString(0));
        return [.. ids.Order(StringComparer.Ordinal)];
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
