using System.CommandLine;
using WorkPolicy.Hosting;

namespace WorkPolicy.Cli.Commands;

/// <summary><c>workpolicy replay RECORDS PATH...</c>: re-decides kept records under other rules (<see cref="DecisionReplay"/>).</summary>
internal static class ReplayCommand
{
    public static Command Create(CliIO io)
    {
        var records = Shared.Records();
        var paths = Shared.Paths("the rules to replay under: rule files or folders");
        var format = Shared.Format();
        var command = new Command("replay", "Re-decide kept decision records under other rules; report which would change, by the provision that decides now") { records, paths, format };
        command.SetAction(async (parse, cancel) =>
        {
            if (Shared.LoadRules(io, parse.GetValue(paths)!) is not { } engine) return WorkPolicyCommand.InputErrors;
            await using var store = await Shared.OpenRecords(io, parse.GetValue(records)!, cancel).ConfigureAwait(false);
            if (store is null) return WorkPolicyCommand.InputErrors;
            var all = await store.ReadAllAsync(cancel).ConfigureAwait(false);
            var report = Output.ProgressDisplay.Run(io, "replay", all.Count, all.Count, progress => DecisionReplay.Run(all, engine, cancel, progress));
            if (parse.GetValue(format) == "json") Shared.WriteJson(io, report);
            else report.WriteText(io.Out);
            return WorkPolicyCommand.Ok;
        });
        return command;
    }
}
