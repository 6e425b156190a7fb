using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using WorkPolicy.Cli;

namespace WorkPolicy.Benchmarks;

/// <summary>
/// <c>--service [SECONDS]</c>: <c>workpolicy serve</c> under wrk over loopback (2 threads, 50 connections, one decision a
/// request, as issue 26 measured it) with records off, in SQLite and — when WORKPOLICY_BENCH_POSTGRES names a server —
/// in PostgreSQL, one after the other in one run: requests per second, p99, and each row's ratio to records off.
/// </summary>
internal static partial class ServiceLoad
{
    public static void Run(int seconds)
    {
        var folder = Directory.CreateTempSubdirectory("wp-service-load-").FullName;
        var script = Path.Combine(folder, "decide.lua");
        File.WriteAllText(script, """
            wrk.method = "POST"
            wrk.body = '{"on":"2021-07-30","employees":["e-001"]}'
            wrk.headers["Content-Type"] = "application/json"
            """);
        var rows = new List<(string Name, double Rate, string P99)>();
        var setups = new List<(string Name, string[] Args)> { ("records off", []), ("SQLite records", ["--records", Path.Combine(folder, "records.db")]) };
        if (Environment.GetEnvironmentVariable("WORKPOLICY_BENCH_POSTGRES") is { Length: > 0 } pg) setups.Add(("PostgreSQL records", ["--records-postgres", pg]));
        foreach (var (name, args) in setups)
        {
            var (rate, p99) = Measure(args, script, seconds);
            rows.Add((name, rate, p99));
            Console.WriteLine($"{name,-20} {rate,10:N0} req/s  p99 {p99,-9} {rate / rows[0].Rate:F2}× records off");
        }
        Directory.Delete(folder, recursive: true);
    }

    private static (double Rate, string P99) Measure(string[] records, string script, int seconds)
    {
        var port = FreePort();
        var serve = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { typeof(WorkPolicyCommand).Assembly.Location, "serve", Population.Samples, "--facts", Path.Combine(Population.Samples, "..", "facts", "sample.facts.yaml"),
            "--urls", $"http://127.0.0.1:{port}" }.Concat(records)) serve.ArgumentList.Add(a);
        using var service = Process.Start(serve)!;
        service.OutputDataReceived += (_, _) => { };
        service.ErrorDataReceived += (_, _) => { };
        service.BeginOutputReadLine();
        service.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient();
            for (var i = 0; i < 600; i++)
            {
                try { if (client.GetAsync($"http://127.0.0.1:{port}/health").Result.IsSuccessStatusCode) break; }
                catch (AggregateException) { }
                Thread.Sleep(100);
            }
            // A warm-up (the JIT's tiers settle in some seconds under load; 3 s left rows 10–20% apart run to run), then the
            // measured run.
            Wrk(port, script, 8);
            var output = Wrk(port, script, seconds);
            var rate = double.Parse(RateLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
            var p99 = P99Line().Match(output).Groups[1].Value;
            return (rate, p99);
        }
        finally
        {
            service.Kill(entireProcessTree: true);
            service.WaitForExit();
        }
    }

    private static string Wrk(int port, string script, int seconds)
    {
        var wrk = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "-t2", "-c50", $"-d{seconds}s", "--latency", "-s", script, $"http://127.0.0.1:{port}/v1/decide" }) wrk.ArgumentList.Add(a);
        using var run = Process.Start(wrk)!;
        var output = run.StandardOutput.ReadToEnd();
        run.WaitForExit();
        return output;
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RateLine();

    [GeneratedRegex(@"99%\s+(\S+)")]
    private static partial Regex P99Line();

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
