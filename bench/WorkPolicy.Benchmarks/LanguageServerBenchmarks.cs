using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Nerdbank.Streams;
using StreamJsonRpc;
using WorkPolicy.Editing;

namespace WorkPolicy.Benchmarks;

/// <summary>
/// The language server as an editor meets it, over JSON-RPC in process: a 100 KB rule file (260
/// provisions) beside the sample vocabulary — the diagnostics after a change (the files as written; the
/// searches of check follow), a hover on a provision, the codes completed after <c>unit.kind ==</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 20)]
public class LanguageServerBenchmarks
{
    private static readonly string[] Kinds = ["dinas", "badan", "kantor", "kecamatan", "kelurahan", "sekolah", "puskesmas", "rsud", "uptd", "sekretariat-daerah"];
    private static readonly string[] Positions = ["jpt-pratama", "administrator", "pengawas", "pelaksana", "fungsional"];
    private static readonly string[] Echelons = ["II", "III", "IV", "V"];
    private static readonly string[] Employments = ["pns", "pppk", "ptt"];
    private const int Provisions = 260;

    private string _folder = "";
    private string _uri = "";
    private string _text = "";
    private JsonRpc _client = null!;
    private Task _server = null!;
    private int _version;
    private TaskCompletionSource _published = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("wp-lsp-bench-").FullName;
        File.Copy(Path.Combine(Population.Samples, "vocabulary.wp"), Path.Combine(_folder, "vocabulary.wp"));
        var sb = new StringBuilder("circular big-2021 {\n  number \"1/2021\"\n  issuer \"Bupati\"\n  region kab-luwu-utara\n  zone Asia/Makassar\n  period from 2021-07-01 to 2021-12-31\n\n");
        sb.Append("  provision base {\n    cite \"1\" \"bekerja dari rumah\"\n    mode home\n  }\n");
        var i = 0;
        foreach (var kind in Kinds)
        foreach (var position in Positions)
        foreach (var echelon in Echelons)
        foreach (var employment in Employments)
        {
            if (++i > Provisions) break;
            sb.Append($"\n  provision p{i} {{\n    cite \"{i}\" \"kutipan ketentuan nomor {i} tentang pegawai {position} pada {kind}\"\n");
            sb.Append($"    ambiguity \"Read as written; the unit's kind and the employee's position and echelon are taken from the facts.\"\n");
            sb.Append($"    scope unit.kind == {kind} and employee.position == {position} and employee.echelon == {echelon} and employee.employment == {employment}\n    overrides base\n    mode {(i % 2 == 0 ? "office" : "optional")}\n  }}\n");
        }
        _text = sb.Append("}\n").ToString();
        Console.WriteLine($"// rule file: {Encoding.UTF8.GetByteCount(_text):N0} bytes, {Provisions} provisions");
        var path = Path.Combine(_folder, "big.wp");
        File.WriteAllText(path, _text);
        _uri = new Uri(path).AbsoluteUri;

        var (client, server) = FullDuplexStream.CreatePair();
        _server = Task.Run(() => LanguageServer.RunAsync(server, server));
        _client = new JsonRpc(new HeaderDelimitedMessageHandler(client, client, new SystemTextJsonFormatter { JsonSerializerOptions = LanguageServer.Json }));
        _client.AddLocalRpcMethod("textDocument/publishDiagnostics", new Action<string, JsonElement>((uri, diagnostics) => _published.TrySetResult()));
        _client.StartListening();
        _client.InvokeWithParameterObjectAsync<JsonElement>("initialize", new { capabilities = new { } }).GetAwaiter().GetResult();
        _client.NotifyWithParameterObjectAsync("textDocument/didOpen", new { textDocument = new { uri = _uri, languageId = "workpolicy", version = 0, text = _text } }).GetAwaiter().GetResult();
        _published.Task.Wait(TimeSpan.FromSeconds(60));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Description = "diagnostics after a change, 100 KB rule file")]
    public async Task Diagnostics()
    {
        _published = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var version = ++_version;
        // Each change is real: a provision's quote changes, so the file is parsed and linked again.
        var text = _text.Replace("kutipan ketentuan nomor 7 ", $"kutipan ketentuan nomor 7 ({version}) ");
        await _client.NotifyWithParameterObjectAsync("textDocument/didChange", new { textDocument = new { uri = _uri, version }, contentChanges = new[] { new { text } } });
        await _published.Task;
    }

    [Benchmark(Description = "hover on a provision")]
    public Task<JsonElement> Hover() =>
        _client.InvokeWithParameterObjectAsync<JsonElement>("textDocument/hover", new { textDocument = new { uri = _uri }, position = new { line = 12, character = 12 } });

    [Benchmark(Description = "completion of a field's codes")]
    public Task<JsonElement> Completion() =>
        _client.InvokeWithParameterObjectAsync<JsonElement>("textDocument/completion", new { textDocument = new { uri = _uri }, position = new { line = 15, character = 23 } });
}
