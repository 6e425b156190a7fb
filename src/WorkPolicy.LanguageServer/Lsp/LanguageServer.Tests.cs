using System.Text.Json;
using StreamJsonRpc;

namespace WorkPolicy.Editing;

internal sealed partial class LanguageServer
{
    /// <summary>Over each case of a test file: "run case", with its outcome now (ok, or FAIL and the difference).</summary>
    [JsonRpcMethod("textDocument/codeLens", UseSingleObjectParameterDeserialization = true)]
    public CodeLens[] OnCodeLens(JsonElement p)
    {
        var uri = p.GetProperty("textDocument").GetProperty("uri").GetString()!;
        if (!Documents.IsFile(uri) || Documents.KindOf(Documents.PathOf(uri)) != DocumentKind.Tests || _documents.Text(uri) is not { } text) return [];
        var lines = Text.Lines(text);
        return [.. RunCases(uri, text).Select(r => new CodeLens(
            Text.RangeOf(r.Span, lines),
            new Command(r.Passed ? $"▶ run case — ok [{r.RuleSet}]" : $"▶ run case — FAIL [{r.RuleSet}]: {r.Failures[0]}", RunCase, [uri, r.Name])))];
    }

    /// <summary><c>workpolicy.runCase [uri, name]</c>: runs the case on every rule set; the outcome comes back and is shown.</summary>
    [JsonRpcMethod("workspace/executeCommand", UseSingleObjectParameterDeserialization = true)]
    public async Task<object?> OnExecuteCommand(JsonElement p)
    {
        if (p.GetProperty("command").GetString() != RunCase) throw new LocalRpcException($"unknown command '{p.GetProperty("command").GetString()}'") { ErrorCode = -32602 };
        var args = p.GetProperty("arguments");
        var (uri, name) = (args[0].GetString()!, args[1].GetString()!);
        var text = _documents.Text(uri) ?? (Documents.IsFile(uri) && File.Exists(Documents.PathOf(uri)) ? await File.ReadAllTextAsync(Documents.PathOf(uri)).ConfigureAwait(false) : "");
        var results = RunCases(uri, text).Where(r => r.Name == name).ToList();
        if (results.Count == 0) throw new LocalRpcException($"no case named '{name}'") { ErrorCode = -32602 };
        var passed = results.All(r => r.Passed);
        var message = $"{name}: " + string.Join("; ", results.Select(r => r.Passed ? $"ok [{r.RuleSet}]" : $"FAIL [{r.RuleSet}] " + string.Join("; ", r.Failures)));
        await _rpc.NotifyWithParameterObjectAsync("window/showMessage", new { type = passed ? 3 : 1, message }).ConfigureAwait(false);
        return new { passed, message };
    }

    private ValueList<TestCaseResult> RunCases(string uri, string text) => AnalystTests.RunText(Documents.PathOf(uri), text, _documents.ByPath()).Cases;
}
