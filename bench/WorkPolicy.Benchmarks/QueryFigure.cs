using System.Collections.Immutable;
using System.Diagnostics;
using NodaTime;
using Npgsql;
using NpgsqlTypes;
using WorkPolicy.Facts;

namespace WorkPolicy.Benchmarks;

/// <summary>
/// "Who in one region must be at the office on a date", asked of an HR database of N employees two ways, each a process
/// of its own timed start to exit with its peak memory (GNU time): the query path (the rules and the region's units
/// loaded, the residual translated to SQL and run on PostgreSQL) against the export path (every employee read out of the
/// database into facts, decided, and filtered by region and mode) — the way an HR system asks today. Both must count the
/// same employees. The database is loaded first (not timed): the generated population, a column per field.
///   dotnet run -c Release --project bench/WorkPolicy.Benchmarks -- --query-figure [EMPLOYEES]   (WORKPOLICY_TEST_POSTGRES)
/// </summary>
internal static class QueryFigure
{
    private static readonly LocalDate Day = new(2021, 7, 30);
    private const string Region = "kab-luwu-utara";
    private const WorkMode Mode = WorkMode.Office;
    private static readonly string[] Columns = ["employment", "position", "echelon", "it_capable", "vaccinated", "tier", "health.healthy", "health.certified", "health.pregnant", "health.breastfeeding"];

    public static void Run(int employees)
    {
        var server = Environment.GetEnvironmentVariable("WORKPOLICY_TEST_POSTGRES") ?? throw new InvalidOperationException("set WORKPOLICY_TEST_POSTGRES to a PostgreSQL server");
        var work = Directory.CreateTempSubdirectory("wp-query-figure-");
        var known = Path.Combine(work.FullName, "units.facts.json");
        using (var file = File.CreateText(known)) SyntheticFacts.Write(file, 0, seed: 11, json: true);
        Console.WriteLine($"loading {employees:N0} generated employees into PostgreSQL (not timed) …");
        Load(server, employees);
        var self = typeof(QueryFigure).Assembly.Location;
        Console.WriteLine($"{"path",-44} {"seconds",8} {"peak MB",8} {"employees",10}");
        var query = Timed("dotnet", $"\"{self}\" --query-path \"{known}\"");
        var export = Timed("dotnet", $"\"{self}\" --export-path \"{known}\"");
        Console.WriteLine($"{"query: residual → SQL → PostgreSQL",-44} {query.Seconds,8:F2} {query.PeakMb,8:N0} {query.Output,10}");
        Console.WriteLine($"{"export: all rows → facts → decide → filter",-44} {export.Seconds,8:F2} {export.PeakMb,8:N0} {export.Output,10}");
        Console.WriteLine($"query / export: time {query.Seconds / export.Seconds:F3}×, memory {query.PeakMb / export.PeakMb:F3}×");
        if (query.Output != export.Output) throw new InvalidOperationException($"the paths disagree: {query.Output} against {export.Output}");
        work.Delete(recursive: true);
    }

    /// <summary>The query path, in a process of its own: prints how many employees the query returned.</summary>
    public static void QueryPath(string knownPath)
    {
        var server = Environment.GetEnvironmentVariable("WORKPOLICY_TEST_POSTGRES")!;
        var engine = PolicyEngine.Load(Population.Samples).Value!;
        // The region asked: its units and its status are what is known.
        var known = engine.Facts.Build(Known(engine.Facts.Load(knownPath).Value!.File, Region)).Value!;
        var residual = engine.Analysis.Residual(known, Day).Value!;
        var query = residual.ToSql(Mode, Mapping(), SqlDialect.PostgreSql).Value!;
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = new NpgsqlCommand(query.Text, connection) { CommandTimeout = 600 };
        foreach (var a in query.Arguments) command.Parameters.AddWithValue(a.Name[1..], a.Value);
        var count = 0;
        using (var reader = command.ExecuteReader())
            while (reader.Read()) count++;
        Console.WriteLine(count);
    }

    /// <summary>The export path, in a process of its own: every row read out into facts, decided, filtered.</summary>
    public static void ExportPath(string knownPath)
    {
        var server = Environment.GetEnvironmentVariable("WORKPOLICY_TEST_POSTGRES")!;
        var engine = PolicyEngine.Load(Population.Samples).Value!;
        var known = engine.Facts.Load(knownPath).Value!.File;
        var builder = Known(known, region: null);
        var sets = new Dictionary<string, (List<string> Roles, List<string> Chronic)>(StringComparer.Ordinal);
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        foreach (var (table, roles) in new[] { ("figure.staff_roles", true), ("figure.staff_chronic", false) })
        {
            using var read = new NpgsqlCommand($"SELECT employee, code FROM {table}", connection);
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                var id = reader.GetString(0);
                if (!sets.TryGetValue(id, out var s)) sets[id] = s = ([], []);
                (roles ? s.Roles : s.Chronic).Add(reader.GetString(1));
            }
        }
        using (var all = new NpgsqlCommand($"SELECT id, unit, {string.Join(", ", Columns.Select(c => c.Replace('.', '_')))} FROM figure.staff", connection))
        using (var reader = all.ExecuteReader())
        {
            while (reader.Read())
            {
                var id = reader.GetString(0);
                var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var i = 0; i < Columns.Length; i++)
                    if (!reader.IsDBNull(i + 2)) fields[Columns[i]] = reader.GetValue(i + 2);
                var s = sets.GetValueOrDefault(id, ([], []));
                fields["roles"] = s.Roles.ToArray();
                fields["health.chronic"] = s.Chronic.ToArray();
                builder.Employee(id, reader.GetString(1), fields);
            }
        }
        var facts = engine.Facts.Build(builder).Value!;
        var regionUnits = known.Units.Where(u => u.Region == Region).Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var unitOf = facts.File.Employees.ToDictionary(e => e.Id, e => e.Unit, StringComparer.Ordinal);
        Console.WriteLine(engine.DecideAll(facts, Day, Day).Count(d => d.Mode == Mode && regionUnits.Contains(unitOf[d.Employee])));
    }

    /// <summary>The known facts (regions' status, units) as builder calls, of one region or of all.</summary>
    private static FactsBuilder Known(FactsFile known, string? region)
    {
        var builder = new FactsBuilder("hr").NoIncidents();
        foreach (var (r, status) in known.Regions.Where(s => region is null || s.Key == region))
            foreach (var (series, entries) in status.Series)
                foreach (var e in entries) builder.RegionStatus(r, series, e.From, e.Values.ToDictionary(kv => kv.Key, kv => Plain(kv.Value)));
        foreach (var u in known.Units.Where(u => region is null || u.Region == region)) builder.Unit(u.Id, u.Region, u.Fields.ToDictionary(kv => kv.Key, kv => Plain(kv.Value)), u.Name, u.Parent);
        return builder;
    }

    private static object? Plain(FactValue v) => v switch
    {
        CodeFact c => c.Code,
        BoolFact b => b.Value,
        NumberFact n => n.Value,
        DateFact d => d.Value,
        CodeSetFact s => s.Codes.ToArray(),
        _ => null,
    };

    private static FactsMapping Mapping() => new("figure.staff", "id", "unit", Columns.ToImmutableDictionary(c => c, c => new FieldMapping(c.Replace('.', '_')), StringComparer.Ordinal)
        .Add("roles", new FieldMapping("") { Table = "figure.staff_roles", Employee = "employee", Code = "code" })
        .Add("health.chronic", new FieldMapping("") { Table = "figure.staff_chronic", Employee = "employee", Code = "code" }));

    /// <summary>The generated population as an HR database holds it: a column per field, a table of rows per set.</summary>
    private static void Load(string server, int employees)
    {
        var engine = PolicyEngine.Load(Population.Samples).Value!;
        var path = Path.GetTempFileName();
        using (var file = File.CreateText(path)) SyntheticFacts.Write(file, employees, seed: 11, json: true);
        var facts = engine.Facts.Load(path).Value!.File;
        File.Delete(path);
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using (var ddl = new NpgsqlCommand($"""
            DROP SCHEMA IF EXISTS figure CASCADE; CREATE SCHEMA figure;
            CREATE TABLE figure.staff (id TEXT PRIMARY KEY, unit TEXT, employment TEXT, position TEXT, echelon TEXT, it_capable BOOLEAN, vaccinated BOOLEAN, tier NUMERIC,
              health_healthy BOOLEAN, health_certified BOOLEAN, health_pregnant BOOLEAN, health_breastfeeding BOOLEAN);
            CREATE TABLE figure.staff_roles (employee TEXT, code TEXT); CREATE TABLE figure.staff_chronic (employee TEXT, code TEXT);
            """, connection)) ddl.ExecuteNonQuery();
        using (var copy = connection.BeginBinaryImport("COPY figure.staff FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var e in facts.Employees)
            {
                copy.StartRow();
                copy.Write(e.Id, NpgsqlDbType.Text);
                copy.Write(e.Unit, NpgsqlDbType.Text);
                foreach (var c in Columns)
                {
                    switch (e.Fields.GetValueOrDefault(c))
                    {
                        case CodeFact code: copy.Write(code.Code, NpgsqlDbType.Text); break;
                        case BoolFact b: copy.Write(b.Value, NpgsqlDbType.Boolean); break;
                        case NumberFact n: copy.Write(n.Value, NpgsqlDbType.Numeric); break;
                        default: copy.WriteNull(); break;
                    }
                }
            }
            copy.Complete();
        }
        foreach (var (table, key) in new[] { ("figure.staff_roles", "roles"), ("figure.staff_chronic", "health.chronic") })
        {
            using var copy = connection.BeginBinaryImport($"COPY {table} FROM STDIN (FORMAT BINARY)");
            foreach (var e in facts.Employees)
            {
                if (e.Fields.GetValueOrDefault(key) is not CodeSetFact set) continue;
                foreach (var code in set.Codes)
                {
                    copy.StartRow();
                    copy.Write(e.Id, NpgsqlDbType.Text);
                    copy.Write(code, NpgsqlDbType.Text);
                }
            }
            copy.Complete();
        }
        using var index = new NpgsqlCommand("CREATE INDEX ON figure.staff (unit); CREATE INDEX ON figure.staff_roles (employee); CREATE INDEX ON figure.staff_chronic (employee); ANALYZE", connection);
        index.ExecuteNonQuery();
    }

    private static (double Seconds, double PeakMb, string Output) Timed(string program, string arguments)
    {
        var times = Path.GetTempFileName();
        var start = new ProcessStartInfo("/usr/bin/time", $"-f \"%e %M\" -o \"{times}\" {program} {arguments}") { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        var parts = File.ReadAllText(times).Trim().Split(' ');
        File.Delete(times);
        return (double.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) / 1024, output.Split('\n')[^1]);
    }
}
