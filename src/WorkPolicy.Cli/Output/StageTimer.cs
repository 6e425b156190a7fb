using System.Diagnostics;

namespace WorkPolicy.Cli.Output;

/// <summary>
/// Time spent per stage of a command, and how it went, printed to standard error with <c>--verbose</c> or
/// <c>WORKPOLICY_TIMINGS=1</c> (for finding where a slow run goes); silent otherwise.
/// </summary>
internal sealed class StageTimer(TextWriter err, bool verbose = false)
{
    private readonly bool _on = verbose || Environment.GetEnvironmentVariable("WORKPOLICY_TIMINGS") == "1";
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly List<string> _stages = [];

    /// <summary>Ends the current stage under <paramref name="name"/>.</summary>
    public void Mark(string name)
    {
        if (!_on) return;
        _stages.Add($"{name} {_watch.ElapsedMilliseconds} ms");
        _watch.Restart();
    }

    /// <summary>Says <paramref name="line"/> now, if asked to.</summary>
    public void Say(string line)
    {
        if (_on) err.WriteLine($"workpolicy: {line}");
    }

    /// <summary>Prints the stages, if asked to.</summary>
    public void Report()
    {
        if (_on) err.WriteLine($"workpolicy: timings: {string.Join(", ", _stages)}");
    }
}
