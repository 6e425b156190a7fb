using System.CommandLine;
using System.Text.Json;

namespace WorkPolicy.Cli.Commands;

/// <summary>
/// <c>workpolicy query PATH --facts KNOWN --on D [--mode M] [--sql sqlite|postgres --map MAPPING]</c>: who gets which
/// mode on a date, as conditions over the employees' fields (<see cref="PolicyAnalysis.Residual"/>), or as the SQL that
/// selects them from the HR system's tables (<see cref="ResidualDecisions.ToSql"/>).
/// </summary>
internal static class QueryCommand
{
    public static Command Create(CliIO io)
    {
        var paths = Shared.Paths();
        var facts = new Option<string>("--facts") { Description = "the known facts: regions, units, calendar (employees are not read)", Required = true };
        var on = new Option<string>("--on") { Description = "the date", Required = true };
        var mode = new Option<string>("--mode") { Description = "only this mode (office, home, rotation, optional, day-off, not-covered, indeterminate); required with --sql" };
        var sql = new Option<string>("--sql") { Description = "write the query for this database: sqlite or postgres" };
        sql.AcceptOnlyFromAmong("sqlite", "postgres");
        var map = new Option<string>("--map") { Description = "where the HR system keeps the employee fields (YAML, docs/query.md); required with --sql" };
        var format = Shared.Format();
        var command = new Command("query", "Who gets a mode on a date, as conditions over employee fields or as SQL over the HR system's tables") { paths, facts, on, mode, sql, map, format };
        command.SetAction(parse =>
        {
            var day = Shared.Date(parse.GetValue(on), "--on");
            WorkMode? only = null;
            if (parse.GetValue(mode) is { } word)
                only = WorkModes.TryParse(word, out var m) ? m : throw new UsageException($"'{word}' is not a mode: office, home, rotation, optional, day-off, not-covered or indeterminate");
            SqlDialect? dialect = SqlDialects.TryParse(parse.GetValue(sql), out var d0) ? d0 : null;
            if (dialect is not null && (only is null || parse.GetValue(map) is null)) throw new UsageException("--sql needs --mode and --map");
            if (Shared.LoadRules(io, parse.GetValue(paths)!) is not { } engine) return WorkPolicyCommand.InputErrors;
            if (Shared.LoadFacts(io, engine, parse.GetValue(facts)!) is not { } known) return WorkPolicyCommand.InputErrors;
            var residual = engine.Analysis.Residual(known, day);
            Shared.Print(io, residual.Diagnostics);
            var result = residual.Value!;
            if (dialect is { } d)
            {
                var mapping = FactsMapping.Load(parse.GetValue(map)!);
                Shared.Print(io, mapping.Diagnostics);
                if (mapping.Value is null) return WorkPolicyCommand.InputErrors;
                var translated = result.ToSql(only!.Value, mapping.Value, d);
                Shared.Print(io, translated.Diagnostics);
                if (translated.Value is not { } query) return WorkPolicyCommand.InputErrors;
                if (parse.GetValue(format) == "json") Shared.WriteUtf8(io, s => JsonSerializer.Serialize(s, query, PolicyJson.Contract<SqlQuery>()));
                else
                {
                    io.Out.WriteLine(query.Text + ";");
                    // Quoted as JSON strings: a value with a line break (a code a mapping writes so) cannot end the comment.
                    foreach (var a in query.Arguments) io.Out.WriteLine($"-- {a.Name} = {JsonSerializer.Serialize(a.Text, PolicyJson.Contract<string>())}");
                }
                return WorkPolicyCommand.Ok;
            }
            if (parse.GetValue(format) == "json") Shared.WriteJson(io, only is { } one ? result.Only(one) : result);
            else if (only is { } wanted)
            {
                foreach (var t in result.For(wanted)) io.Out.WriteLine(t);
            }
            else result.WriteText(io.Out);
            return WorkPolicyCommand.Ok;
        });
        return command;
    }
}
