using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using StreamJsonRpc;

namespace WorkPolicy.Editing;

/// <summary>
/// <c>workpolicy lsp</c>: a Language Server Protocol server over a pair of streams (stdio), on StreamJsonRpc.
/// It reuses the loaders, the linker, the checks and the diagnostics catalogue: a document is checked as
/// <c>check</c> checks its folder, with the open documents as the editor holds them. A request that fails
/// answers with an error and the server goes on; a check is cancelled by the next edit of its document.
/// </summary>
[System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode(PolicyLanguageServer.Why)]
[System.Diagnostics.CodeAnalysis.RequiresDynamicCode(PolicyLanguageServer.Why)]
internal sealed partial class LanguageServer
{
    /// <summary>The command a test case's lens runs.</summary>
    public const string RunCase = "workpolicy.runCase";

    private readonly Documents _documents = new();
    private readonly Dictionary<string, CancellationTokenSource> _checks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RuleSetSnapshot> _views = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private JsonRpc _rpc = null!;

    /// <summary>The serializer settings of every message: camelCase names, nulls left out.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>Serves until the client sends <c>exit</c> or closes the streams; the process exit code.</summary>
    /// <remarks>
    /// The exit code is the protocol's: 0 when <c>shutdown</c> came first, 1 otherwise — an <c>exit</c> without it, or
    /// the connection ending early (the editor gone, a message that is not JSON-RPC); then <paramref name="log"/> is told why.
    /// </remarks>
    public static async Task<int> RunAsync(Stream input, Stream output, TextWriter? log = null)
    {
        var formatter = new SystemTextJsonFormatter { JsonSerializerOptions = Json };
        var server = new LanguageServer();
        using var rpc = new LspRpc(new HeaderDelimitedMessageHandler(output, input, formatter));
        server._rpc = rpc;
        string? why = null;
        rpc.Disconnected += (_, e) => why ??= e.Description;
        rpc.AddLocalRpcTarget(server, new JsonRpcTargetOptions { DisposeOnDisconnect = false });
        rpc.StartListening();
        await Task.WhenAny(rpc.Completion, server._exit.Task).ConfigureAwait(false);
        if (server._shutdown) return 0;
        log?.WriteLine(server._exit.Task.IsCompleted
            ? "workpolicy lsp: 'exit' came before 'shutdown'"
            : $"workpolicy lsp: the connection ended before 'shutdown': {why ?? "the input was closed"}");
        return 1;
    }

    [JsonRpcMethod("initialize", UseSingleObjectParameterDeserialization = true)]
    public object Initialize(JsonElement _) => new
    {
        capabilities = new
        {
            textDocumentSync = new { openClose = true, change = 1, save = new { includeText = false } },
            hoverProvider = true,
            definitionProvider = true,
            referencesProvider = true,
            completionProvider = new { triggerCharacters = new[] { ".", " ", "{", "," } },
            documentFormattingProvider = true,
            documentSymbolProvider = true,
            codeLensProvider = new { resolveProvider = false },
            codeActionProvider = new { codeActionKinds = new[] { "quickfix" } },
            executeCommandProvider = new { commands = new[] { RunCase } },
        },
        serverInfo = new { name = "workpolicy", version = typeof(LanguageServer).Assembly.GetName().Version?.ToString(3) },
    };

    [JsonRpcMethod("initialized", UseSingleObjectParameterDeserialization = true)]
    public void Initialized(JsonElement _) { }

    private volatile bool _shutdown;

    [JsonRpcMethod("shutdown")]
    public object? Shutdown()
    {
        _shutdown = true;
        return null;
    }

    [JsonRpcMethod("exit")]
    public void Exit() => _exit.TrySetResult();

    [JsonRpcMethod("textDocument/didOpen", UseSingleObjectParameterDeserialization = true)]
    public void DidOpen(JsonElement p)
    {
        var doc = p.GetProperty("textDocument");
        var uri = doc.GetProperty("uri").GetString()!;
        _documents.Set(uri, doc.GetProperty("text").GetString() ?? "", doc.TryGetProperty("version", out var v) ? v.GetInt32() : 0);
        Changed(uri);
    }

    [JsonRpcMethod("textDocument/didChange", UseSingleObjectParameterDeserialization = true)]
    public void DidChange(JsonElement p)
    {
        var doc = p.GetProperty("textDocument");
        var uri = doc.GetProperty("uri").GetString()!;
        // Full synchronisation: the last change holds the whole text.
        var changes = p.GetProperty("contentChanges");
        if (changes.GetArrayLength() == 0) return;
        _documents.Set(uri, changes[changes.GetArrayLength() - 1].GetProperty("text").GetString() ?? "", doc.TryGetProperty("version", out var v) ? v.GetInt32() : 0);
        Changed(uri);
    }

    [JsonRpcMethod("textDocument/didSave", UseSingleObjectParameterDeserialization = true)]
    public void DidSave(JsonElement p) => Changed(p.GetProperty("textDocument").GetProperty("uri").GetString()!);

    [JsonRpcMethod("textDocument/didClose", UseSingleObjectParameterDeserialization = true)]
    public void DidClose(JsonElement p)
    {
        var uri = p.GetProperty("textDocument").GetProperty("uri").GetString()!;
        _documents.Remove(uri);
        lock (_views) _views.Remove(uri);
        _ = Publish(uri, []);
    }

    /// <summary>Checks the document again, and the other open documents of its folder (their context changed).</summary>
    private void Changed(string uri)
    {
        if (!Documents.IsFile(uri)) return;
        var folder = Path.GetDirectoryName(Documents.PathOf(uri));
        foreach (var other in _documents.ByPath().Keys.Where(p => Path.GetDirectoryName(p) == folder).Select(Documents.UriOf).Append(uri).Distinct())
            Schedule(other);
    }

    private void Schedule(string uri)
    {
        var cancel = new CancellationTokenSource();
        lock (_checks)
        {
            if (_checks.Remove(uri, out var previous)) previous.Cancel();
            _checks[uri] = cancel;
        }
        var open = _documents.ByPath();
        _ = Task.Run(async () =>
        {
            try
            {
                await Check(uri, open, cancel.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception ex) when (!cancel.IsCancellationRequested)
            {
                // The server never dies on a document: the failure becomes a diagnostic on it.
                await Publish(uri, [new LspDiagnostic(new Range(new Position(0, 0), new Position(0, 1)), 1, "WP0000", "workpolicy", $"internal error while checking: {ex.GetType().Name}: {ex.Message}")]).ConfigureAwait(false);
            }
        });
    }

    /// <summary>
    /// Publishes a document's diagnostics: for a rule file, those of the files as written first, then again
    /// with the slower searches of <c>check</c> (conflicts, gaps) once they are done — unless an edit came.
    /// </summary>
    private async Task Check(string uri, IReadOnlyDictionary<string, string> open, CancellationToken cancel)
    {
        var path = Documents.PathOf(uri);
        var text = _documents.Text(uri) ?? "";
        var lines = Text.Lines(text);
        async Task Send(IEnumerable<Diagnostic> found)
        {
            cancel.ThrowIfCancellationRequested();
            await Publish(uri, [.. found.Distinct().Select(d => ToLsp(d, lines))]).ConfigureAwait(false);
        }
        switch (Documents.KindOf(path))
        {
            case DocumentKind.Rules:
                var view = RuleSetSnapshot.Load(path, open, cancel);
                lock (_views) _views[uri] = view;
                await Send(view.Diagnostics).ConfigureAwait(false);
                var searched = view.Searched(cancel);
                if (searched.Diagnostics.Count > view.Diagnostics.Count) await Send(searched.Diagnostics).ConfigureAwait(false);
                break;
            case DocumentKind.Tests:
                await Send(AnalystTests.Diagnose(path, text).Where(d => Same(d.Span.Path, path))).ConfigureAwait(false);
                break;
        }
    }

    private static bool Same(string spanPath, string path) => spanPath.Length > 0 && Path.GetFullPath(spanPath) == path;

    private static LspDiagnostic ToLsp(Diagnostic d, string[] lines) =>
        // An accepted warning is shown as a hint, with its reason: the analyst said it is as intended.
        new(Text.RangeOf(d.Span, lines), d.Accepted is not null ? 4 : d.Severity switch { Severity.Error => 1, Severity.Warning => 2, _ => 3 }, d.Code, "workpolicy",
            d.Accepted is { } why ? $"{d.Message} (accepted: {why})" : d.Message);

    private Task Publish(string uri, ImmutableArray<LspDiagnostic> diagnostics) =>
        _rpc.NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", new { uri, diagnostics });

    /// <summary>The view of a rule document: the last check's, or one made now.</summary>
    private RuleSetSnapshot? View(string uri)
    {
        lock (_views)
        {
            if (_views.TryGetValue(uri, out var known)) return known;
        }
        if (!Documents.IsFile(uri) || Documents.KindOf(Documents.PathOf(uri)) != DocumentKind.Rules) return null;
        var view = RuleSetSnapshot.Load(Documents.PathOf(uri), _documents.ByPath(), CancellationToken.None);
        lock (_views) _views[uri] = view;
        return view;
    }

    /// <summary>The text of a file as the editor holds it, else as saved.</summary>
    private string[] LinesOf(string path)
    {
        var text = _documents.Text(Documents.UriOf(path));
        if (text is null && File.Exists(path)) text = File.ReadAllText(path);
        return Text.Lines(text ?? "");
    }

    private static (string Uri, Position Position) Where(JsonElement p) =>
        (p.GetProperty("textDocument").GetProperty("uri").GetString()!,
         new Position(p.GetProperty("position").GetProperty("line").GetInt32(), p.GetProperty("position").GetProperty("character").GetInt32()));
}
