using Spectre.Console;

namespace WorkPolicy.Cli.Output;

/// <summary>A progress bar on the terminal for long runs; nothing at all when output is redirected or the run is small.</summary>
internal static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/>, showing its progress (0..<paramref name="total"/>; a count alone when the total is not known, 0) on standard error when that is a terminal.</summary>
    public static T Run<T>(CliIO io, string label, int total, long size, Func<IProgress<int>?, T> work)
    {
        var interactive = ReferenceEquals(PrintableWriter.Unwrap(io.Err), Console.Error) && !Console.IsErrorRedirected && size >= 20_000;
        if (!interactive) return work(null);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T result = default!;
        console.Progress().AutoClear(true).Start(ctx =>
        {
            var task = ctx.AddTask(label, maxValue: Math.Max(total, 1));
            task.IsIndeterminate = total <= 0;
            result = work(new Progress<int>(done =>
            {
                if (total > 0) task.Value = done;
                else task.Description = $"{label} {done}";
            }));
        });
        return result;
    }
}
