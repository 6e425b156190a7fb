using System.Diagnostics;
using System.Globalization;
using WorkPolicy.Cli;

namespace WorkPolicy.Benchmarks;

/// <summary>
/// <c>--national [N]</c>: Indonesia's ~4.3 million ASN across the six regions for one day, end to end, as a user runs
/// it — <c>workpolicy eval</c> in a process of its own on a generated JSON facts file, read as a stream — with its wall
/// time and peak resident memory (<c>/usr/bin/time</c>). Not a CI test: a minute and gigabytes of output. Smaller N for
/// a first look. The facts file is written as it is generated (<see cref="SyntheticFacts.Write"/>) and kept in the
/// temporary folder for the next run.
/// </summary>
/// <remarks>
/// A national deployment would shard by region: the evaluator is pure, a region's decisions read only that region's
/// units, status and circulars (plus national circulars, which every shard loads), so each region's facts file is
/// decided on its own machine or process and the outputs concatenated — no distributed engine of our own.
/// </remarks>
internal static class NationalScale
{
    public static void Run(int employees)
    {
        var facts = Path.Combine(Path.GetTempPath(), $"wp-national-{employees}.facts.json");
        var sw = Stopwatch.StartNew();
        if (!File.Exists(facts)) RuleFiles.WriteAtomically(facts, w => SyntheticFacts.Write(w, employees, seed: 11, json: true));
        Console.WriteLine($"facts: {employees:N0} employees, {new FileInfo(facts).Length / 1_048_576.0:F0} MiB ({sw.Elapsed.TotalSeconds:F1} s to generate or find)");
        var cli = typeof(WorkPolicyCommand).Assembly.Location;
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-f", "%e s wall, %M KiB peak RSS", "dotnet", cli, "eval", Population.Samples, "--facts", facts, "--on", "2021-07-30", "--format", "json", "--verbose" })
            start.ArgumentList.Add(a);
        using var eval = Process.Start(start)!;
        // The decisions go nowhere (counted, not kept): what is measured is the command, not this harness.
        long bytes = 0;
        var drain = Task.Run(() =>
        {
            var buffer = new char[1 << 16];
            int n;
            while ((n = eval.StandardOutput.Read(buffer, 0, buffer.Length)) > 0) bytes += n;
        });
        var err = eval.StandardError.ReadToEnd();
        eval.WaitForExit();
        drain.Wait();
        var lines = err.Trim().Split('\n');
        Console.WriteLine($"eval of {employees.ToString("N0", CultureInfo.InvariantCulture)} employees, one day: {lines[^1]}; {bytes / 1_048_576.0:F0} MiB of JSON (exit {eval.ExitCode})");
        // How the facts were read and where the time went (--verbose), or why the command refused.
        foreach (var line in lines[..^1]) Console.WriteLine($"  {line}");
    }
}
