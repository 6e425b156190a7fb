using System.Diagnostics;
using System.Globalization;
using NodaTime;
using WorkPolicy.Cli;
using WorkPolicy.Hosting;

namespace WorkPolicy.Benchmarks;

/// <summary>
/// <c>--replay [N]</c>: <c>workpolicy replay</c> of N kept records (one a generated employee, one day, the six sample
/// circulars) under the Palopo interpretation, in a process of its own: records per second and peak resident memory
/// (<c>/usr/bin/time</c>). The records file is made once and kept in the temporary folder for the next run.
/// </summary>
internal static class ReplayScale
{
    public static void Run(int records)
    {
        var file = Path.Combine(Path.GetTempPath(), $"wp-replay-{records}.db");
        var sw = Stopwatch.StartNew();
        if (!File.Exists(file)) Make(file, records).GetAwaiter().GetResult();
        Console.WriteLine($"records: {records:N0}, {new FileInfo(file).Length / 1_048_576.0:F0} MiB ({sw.Elapsed.TotalSeconds:F1} s to make or find)");
        var cli = typeof(WorkPolicyCommand).Assembly.Location;
        var candidate = Path.Combine(Population.Samples, "interpretations", "palopo-leaves-level-iv.wp");
        foreach (var format in new[] { "table", "json" })
        {
            var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "-f", "%e s wall, %M KiB peak RSS", "dotnet", cli, "replay", file, candidate, "--format", format }) start.ArgumentList.Add(a);
            using var replay = Process.Start(start)!;
            long lines = 0;
            var drain = Task.Run(() => { while (replay.StandardOutput.ReadLine() is not null) lines++; });
            var err = replay.StandardError.ReadToEnd();
            replay.WaitForExit();
            drain.Wait();
            var last = err.Trim().Split('\n')[^1];
            var seconds = double.Parse(last.Split(' ')[0], CultureInfo.InvariantCulture);
            Console.WriteLine($"replay --format {format} of {records:N0} records: {last}; {records / seconds:N0} records/s; {lines:N0} lines out (exit {replay.ExitCode})");
        }
    }

    /// <summary>Decisions of a generated population on 27 August 2021 (Palopo at level 3), kept as the service keeps them.</summary>
    private static async Task Make(string file, int count)
    {
        var engine = PolicyEngine.Load(Population.Samples).Value!;
        var facts = engine.Facts.Parse("generated", SyntheticFacts.Generate(count, seed: 5, json: true)).Value!;
        var at = Instant.FromUtc(2021, 8, 27, 1, 0);
        await using var store = new SqliteRecordStore(file + ".tmp");
        await store.InitializeAsync();
        var batch = new List<DecisionRecord>(10_000);
        var i = 0;
        foreach (var employee in facts.Employees)
        {
            batch.Add(DecisionRecord.Of(engine, facts, engine.Decide(facts, employee, new LocalDate(2021, 8, 27)), at + Duration.FromMilliseconds(i++)));
            if (batch.Count == batch.Capacity) { await store.WriteAsync(batch); batch.Clear(); }
        }
        await store.WriteAsync(batch);
        await store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Move(file + ".tmp", file);
    }
}
