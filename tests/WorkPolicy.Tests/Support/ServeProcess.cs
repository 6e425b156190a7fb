using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace WorkPolicy.Tests;

/// <summary><c>workpolicy serve</c> as a process of its own on a loopback port, as a user runs it: started, waited for, killed.</summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _err = new();

    private ServeProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>What the process wrote to standard error so far.</summary>
    public string Errors
    {
        get { lock (_err) return _err.ToString(); }
    }

    /// <summary>Starts <c>serve</c> with <paramref name="args"/> and <c>--urls</c> on a free loopback port (<paramref name="scheme"/>).</summary>
    public static ServeProcess Start(IEnumerable<string> args, string scheme = "http")
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "WorkPolicy.Cli.dll"), "serve" }.Concat(args).Concat(["--urls", $"{scheme}://127.0.0.1:{port}"]))
            start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        var serve = new ServeProcess(process, port);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { lock (serve._err) serve._err.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return serve;
    }

    /// <summary><c>serve</c> with <paramref name="args"/> as its own process, run to its exit (at most a minute): code, standard output, standard error.</summary>
    public static (int Code, string Out, string Err) RunToExit(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "WorkPolicy.Cli.dll"), "serve" }.Concat(args)) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("serve did not stop within a minute: " + string.Join(' ', args));
        }
        return (process.ExitCode, output.Result, errors.Result);
    }

    /// <summary>Waits (at most a minute) until <c>/health</c> answers 200 through <paramref name="client"/>; false when it never does or the process ended.</summary>
    public async Task<bool> Ready(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode) return true;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        return false;
    }

    /// <summary>SIGKILL: no chance to write anything more.</summary>
    public async Task Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Kill();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
