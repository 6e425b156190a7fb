using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Nerdbank.Streams;
using StreamJsonRpc;
using WorkPolicy.Editing;

namespace WorkPolicy.Tests;

/// <summary>
/// A Language Server Protocol client for tests: speaks to <c>workpolicy lsp</c> over JSON-RPC with
/// Content-Length framing, as an editor does — in process over a duplex stream, or to the command's
/// process over its standard input and output — and keeps the diagnostics the server publishes.
/// </summary>
internal sealed class LspClient : IAsyncDisposable
{
    private readonly JsonRpc _rpc;
    private readonly Process? _process;
    private readonly Task _server;
    private readonly ConcurrentQueue<(string Uri, JsonElement Diagnostics)> _published = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private LspClient(Stream sending, Stream receiving, Task server, Process? process)
    {
        _server = server;
        _process = process;
        _rpc = new JsonRpc(new HeaderDelimitedMessageHandler(sending, receiving, new SystemTextJsonFormatter { JsonSerializerOptions = LanguageServer.Json }));
        _rpc.AddLocalRpcTarget(new Notifications(this));
        _rpc.StartListening();
    }

    /// <summary>A server in this process over an in-memory duplex stream.</summary>
    public static LspClient InProcess()
    {
        var (client, server) = FullDuplexStream.CreatePair();
        return new LspClient(client, client, Task.Run(() => LanguageServer.RunAsync(server, server)), null);
    }

    /// <summary>The <c>workpolicy lsp</c> command in its own process, over standard input and output.</summary>
    public static LspClient OverStdio()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "WorkPolicy.Cli.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("lsp");
        var process = Process.Start(start)!;
        return new LspClient(process.StandardInput.BaseStream, process.StandardOutput.BaseStream, process.WaitForExitAsync(), process);
    }

    /// <summary>A request; the result as JSON.</summary>
    public Task<JsonElement> Request(string method, object parameters) => _rpc.InvokeWithParameterObjectAsync<JsonElement>(method, parameters);

    /// <summary>A notification.</summary>
    public Task Notify(string method, object parameters) => _rpc.NotifyWithParameterObjectAsync(method, parameters);

    /// <summary><c>initialize</c> and <c>initialized</c>; the capabilities.</summary>
    public async Task<JsonElement> Initialize()
    {
        var result = await Request("initialize", new { processId = (int?)null, rootUri = (string?)null, capabilities = new { } });
        await Notify("initialized", new { });
        return result.GetProperty("capabilities");
    }

    /// <summary>Opens a document as unsaved text.</summary>
    public Task Open(string path, string text, int version = 1) =>
        Notify("textDocument/didOpen", new { textDocument = new { uri = Uri(path), languageId = "workpolicy", version, text } });

    /// <summary>Replaces a document's text.</summary>
    public Task Change(string path, string text, int version) =>
        Notify("textDocument/didChange", new { textDocument = new { uri = Uri(path), version }, contentChanges = new[] { new { text } } });

    /// <summary>A request at a position of a document.</summary>
    public Task<JsonElement> At(string method, string path, int line, int character) =>
        Request(method, new { textDocument = new { uri = Uri(path) }, position = new { line, character }, context = new { includeDeclaration = true } });

    /// <summary>The first diagnostics published for <paramref name="path"/> from now on that satisfy <paramref name="wanted"/>.</summary>
    public async Task<JsonElement> Diagnostics(string path, Func<JsonElement, bool> wanted, TimeSpan? wait = null)
    {
        var uri = Uri(path);
        var until = DateTime.UtcNow + (wait ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < until)
        {
            while (_published.TryDequeue(out var p))
            {
                if (p.Uri == uri && wanted(p.Diagnostics)) return p.Diagnostics;
            }
            await _arrived.WaitAsync(TimeSpan.FromMilliseconds(200));
        }
        throw new TimeoutException($"no diagnostics as wanted for {uri}");
    }

    public static string Uri(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Request("shutdown", new { });
            await Notify("exit", new { });
            await _server.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            _rpc.Dispose();
            if (_process is { HasExited: false }) _process.Kill();
            _process?.Dispose();
        }
    }

    /// <summary>What the server sends unasked.</summary>
    private sealed class Notifications(LspClient client)
    {
        [JsonRpcMethod("textDocument/publishDiagnostics", UseSingleObjectParameterDeserialization = true)]
        public void Publish(JsonElement p)
        {
            client._published.Enqueue((p.GetProperty("uri").GetString()!, p.GetProperty("diagnostics").Clone()));
            client._arrived.Release();
        }

        [JsonRpcMethod("window/showMessage", UseSingleObjectParameterDeserialization = true)]
        public void Show(JsonElement p) { }
    }
}
