using System.CommandLine;
using WorkPolicy.Hosting;

namespace WorkPolicy.Cli.Commands;

/// <summary><c>workpolicy records export RECORDS</c>: the kept decision records as JSON lines (<see cref="DecisionRecordStores.ExportAsync"/>).</summary>
internal static class RecordsCommand
{
    public static Command Create(CliIO io)
    {
        var records = Shared.Records();
        var export = new Command("export", "Write every kept record, oldest first, as JSON lines on standard output (read as a stream)") { records };
        export.SetAction(async (parse, cancel) =>
        {
            await using var store = await Shared.OpenRecords(io, parse.GetValue(records)!, cancel).ConfigureAwait(false);
            if (store is null) return WorkPolicyCommand.InputErrors;
            await store.ExportAsync(io.Out, cancel).ConfigureAwait(false);
            return WorkPolicyCommand.Ok;
        });
        return new Command("records", "Decision records kept by 'serve': export them") { export };
    }
}
