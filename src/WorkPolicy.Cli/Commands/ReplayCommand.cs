using System.CommandLine;
using WorkPolicy.Hosting;

namespace WorkPolicy.Cli.Commands;

/// <summary>
/// <c>workpolicy replay RECORDS PATH...</c>: re-decides kept records under other rules (<see cref="DecisionReplay"/>),
/// reading them as a stream: the table summarises by provision with examples; <c>--all</c> lists every change first,
/// <c>--format json</c> writes them all.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create(CliIO io)
    {
        var records = Shared.Records();
        var paths = Shared.Paths("the rules to replay under: rule files or folders");
        var format = Shared.Format();
        var all = new Option<bool>("--all") { Description = "list every change before the summary (the table otherwise shows a few per provision)" };
        var command = new Command("replay", "Re-decide kept decision records under other rules; report which would change, by the provision that decides now") { records, paths, format, all };
        command.SetAction(async (parse, cancel) =>
        {
            if (Shared.LoadRules(io, parse.GetValue(paths)!) is not { } engine) return WorkPolicyCommand.InputErrors;
            await using var store = await Shared.OpenRecords(io, parse.GetValue(records)!, cancel).ConfigureAwait(false);
            if (store is null) return WorkPolicyCommand.InputErrors;
            // The count is shown as it grows (the stream's length is not known ahead).
            // (The display runs the work on this thread, as every long verb's: waited for here, not awaited.)
            var report = Output.ProgressDisplay.Run(io, "replay", 0, long.MaxValue, progress => (parse.GetValue(format) == "json"
                ? DecisionReplay.WriteJsonAsync(store.StreamAsync(cancel), engine, io.Out, progress, cancel)
                : DecisionReplay.RunAsync(store.StreamAsync(cancel), engine, parse.GetValue(all) ? change => io.Out.WriteLine(change) : null, progress, cancel)).GetAwaiter().GetResult());
            if (parse.GetValue(format) != "json") report.WriteText(io.Out);
            return WorkPolicyCommand.Ok;
        });
        return command;
    }
}
