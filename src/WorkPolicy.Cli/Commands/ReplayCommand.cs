using System.CommandLine;
using WorkPolicy.Hosting;

namespace WorkPolicy.Cli.Commands;

/// <summary><c>workpolicy replay RECORDS PATH...</c>: re-decides kept records under other rules (<see cref="DecisionReplay"/>).</summary>
internal static class ReplayCommand
{
    public static Command Create(CliIO io)
    {
        var records = new Argument<string>("records") { Description = "the records: a SQLite file of 'serve --records', or a PostgreSQL connection string (Host=…;Database=…)" };
        var paths = Shared.Paths("the rules to replay under: rule files or folders");
        var format = Shared.Format();
        var command = new Command("replay", "Re-decide kept decision records under other rules; report which would change, by the provision that decides now") { records, paths, format };
        command.SetAction(async (parse, cancel) =>
        {
            var source = parse.GetValue(records)!;
            var postgres = source.Contains('=', StringComparison.Ordinal) || source.StartsWith("postgres", StringComparison.OrdinalIgnoreCase);
            if (!postgres && !File.Exists(source))
            {
                io.Err.WriteLine($"workpolicy: no records file '{source}'");
                return WorkPolicyCommand.InputErrors;
            }
            if (Shared.LoadRules(io, parse.GetValue(paths)!) is not { } engine) return WorkPolicyCommand.InputErrors;
            await using IDecisionRecordStore store = postgres ? new PostgresRecordStore(source) : new SqliteRecordStore(source);
            await store.InitializeAsync(cancel).ConfigureAwait(false);
            var all = new List<DecisionRecord>();
            for (var offset = 0; ; offset += 1000)
            {
                var page = await store.ReadAsync(RecordQuery.All(offset), cancel).ConfigureAwait(false);
                all.AddRange(page);
                if (page.Count < 1000) break;
            }
            // Oldest first, as they were answered.
            all.Reverse();
            var report = Output.ProgressDisplay.Run(io, "replay", all.Count, all.Count, progress => DecisionReplay.Run(all, engine, cancel, progress));
            if (parse.GetValue(format) == "json") Shared.WriteJson(io, report);
            else report.WriteText(io.Out);
            return WorkPolicyCommand.Ok;
        });
        return command;
    }
}
