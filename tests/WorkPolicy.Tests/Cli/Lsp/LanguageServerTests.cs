using Nerdbank.Streams;
using System.Text.Json;
using FluentAssertions;
using StreamJsonRpc;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary><c>workpolicy lsp</c> driven over JSON-RPC as an editor drives it.</summary>
public sealed class LanguageServerTests : IDisposable
{
    private static readonly string Samples = Repo.Path("samples", "circulars");
    private static readonly string Palopo = Path.Combine(Samples, "palopo.wp");
    private readonly string _temp = Directory.CreateTempSubdirectory("wp-lsp-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    /// <summary>0-based line and character of the first occurrence of <paramref name="what"/> in the text (plus an offset).</summary>
    private static (int Line, int Character) Find(string text, string what, int offset = 0)
    {
        var lines = text.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains(what, StringComparison.Ordinal));
        return (line, lines[line].IndexOf(what, StringComparison.Ordinal) + offset);
    }

    [Fact]
    public async Task An_error_typed_in_an_unsaved_document_is_reported_at_its_range_and_cleared_when_fixed()
    {
        await using var client = LspClient.InProcess();
        var capabilities = await client.Initialize();
        capabilities.GetProperty("hoverProvider").GetBoolean().Should().BeTrue();
        capabilities.GetProperty("textDocumentSync").GetProperty("change").GetInt32().Should().Be(1);

        var text = File.ReadAllText(Palopo);
        var broken = text.Replace("    overrides p1-rotation\n    mode office", "    overrides p1-rotation\n    mode offce");
        await client.Open(Palopo, broken);
        var diagnostics = await client.Diagnostics(Palopo, d => d.GetArrayLength() > 0);
        var d = diagnostics.EnumerateArray().Single();
        d.GetProperty("code").GetString().Should().Be("WP0110");
        d.GetProperty("severity").GetInt32().Should().Be(1);
        var (line, character) = Find(broken, "offce");
        d.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32().Should().Be(line);
        d.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32().Should().Be(character);
        d.GetProperty("range").GetProperty("end").GetProperty("character").GetInt32().Should().Be(character + "offce".Length);

        await client.Change(Palopo, text, 2);
        (await client.Diagnostics(Palopo, x => x.GetArrayLength() == 0)).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task A_request_missing_a_member_is_InvalidParams_without_the_servers_stack()
    {
        await using var client = LspClient.InProcess();
        await client.Initialize();
        await client.Open(Palopo, File.ReadAllText(Palopo));
        var noRange = async () => await client.Request("textDocument/codeAction", new { textDocument = new { uri = LspClient.Uri(Palopo) } });
        // StreamJsonRpc's client reads InvalidParams (-32602) as "no method takes these params".
        var error = (await noRange.Should().ThrowAsync<StreamJsonRpc.RemoteMethodNotFoundException>()).Which;
        error.ErrorCode.Should().Be(StreamJsonRpc.Protocol.JsonRpcErrorCode.InvalidParams, "what a client expects of params it got wrong");
        error.Message.Should().Contain("textDocument/codeAction").And.NotContain(".cs:line").And.NotContain("KeyNotFoundException");
        // The server goes on answering.
        (await client.Request("textDocument/codeAction", new
        {
            textDocument = new { uri = LspClient.Uri(Palopo) },
            range = new { start = new { line = 0, character = 0 }, end = new { line = 0, character = 1 } },
            context = new { diagnostics = Array.Empty<object>() },
        })).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task A_did_you_mean_is_offered_as_a_quick_fix_that_writes_the_suggestion()
    {
        await using var client = LspClient.InProcess();
        var capabilities = await client.Initialize();
        capabilities.GetProperty("codeActionProvider").GetProperty("codeActionKinds")[0].GetString().Should().Be("quickfix");
        var text = File.ReadAllText(Palopo);
        // A mode misspelled (the parser's did-you-mean), then — that fixed — a code misspelled inside a condition (the linker's).
        var misspelled = text.Replace("    overrides p1-rotation\n    mode office", "    overrides p1-rotation\n    mode offce");
        var wrongCode = text.Replace("kind in { rsud, puskesmas, pustu }", "kind in { rsud, puskesmass, pustu }");
        misspelled.Should().NotBe(text);
        wrongCode.Should().NotBe(text);
        var version = 1;
        foreach (var (broken, word, replacement) in new[] { (misspelled, "offce", "office"), (wrongCode, "puskesmass", "puskesmas") })
        {
            if (version == 1) await client.Open(Palopo, broken);
            else await client.Change(Palopo, broken, version);
            version++;
            await client.Diagnostics(Palopo, d => d.EnumerateArray().Any(x => x.GetProperty("message").GetString()!.Contains(word)));
            var (line, character) = Find(broken, word);
            var actions = await client.Request("textDocument/codeAction", new
            {
                textDocument = new { uri = LspClient.Uri(Palopo) },
                range = new { start = new { line, character }, end = new { line, character = character + word.Length } },
                context = new { diagnostics = Array.Empty<object>() },
            });
            var action = actions.EnumerateArray().Should().ContainSingle(word).Subject;
            action.GetProperty("kind").GetString().Should().Be("quickfix");
            action.GetProperty("title").GetString().Should().Be($"Replace '{word}' with '{replacement}'");
            var edit = action.GetProperty("edit").GetProperty("changes").GetProperty(LspClient.Uri(Palopo))[0];
            edit.GetProperty("newText").GetString().Should().Be(replacement);
            edit.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32().Should().Be(line);
            edit.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32().Should().Be(character);
            edit.GetProperty("range").GetProperty("end").GetProperty("character").GetInt32().Should().Be(character + word.Length);
            // Applied, the fix leaves a document without diagnostics.
            var lines = broken.Split('\n');
            lines[line] = lines[line][..character] + replacement + lines[line][(character + word.Length)..];
            string.Join('\n', lines).Should().Be(text);
        }
        await client.Change(Palopo, text, version);
        (await client.Diagnostics(Palopo, x => x.GetArrayLength() == 0)).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Another_file_of_the_folder_held_unsaved_is_the_context_of_a_document()
    {
        await using var client = LspClient.InProcess();
        await client.Initialize();
        // The vocabulary, open and edited without saving, no longer declares the code the circular uses.
        var vocabulary = Path.Combine(Samples, "vocabulary.wp");
        await client.Open(vocabulary, File.ReadAllText(vocabulary).Replace("satpol-pp, ", ""));
        await client.Open(Palopo, File.ReadAllText(Palopo));
        var diagnostics = await client.Diagnostics(Palopo, d => d.GetArrayLength() > 0);
        diagnostics.EnumerateArray().Should().Contain(x => x.GetProperty("message").GetString()!.Contains("satpol-pp"));
    }

    [Fact]
    public async Task Hover_definition_references_and_completion_answer_from_the_rule_set()
    {
        await using var client = LspClient.InProcess();
        await client.Initialize();
        var text = File.ReadAllText(Palopo);
        await client.Open(Palopo, text);

        var (line, character) = Find(text, "overrides p1-rotation", "overrides ".Length + 2);
        var hover = await client.At("textDocument/hover", Palopo, line, character);
        hover.GetProperty("contents").GetProperty("value").GetString().Should()
            .Contain("palopo-2021-wfh/p1-rotation").And.Contain("\"di kantor (work from office) sebesar 25%\"");

        var definition = await client.At("textDocument/definition", Palopo, line, character);
        definition.GetProperty("uri").GetString().Should().Be(LspClient.Uri(Palopo));
        definition.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32().Should().Be(Find(text, "provision p1-rotation").Line);

        var references = await client.At("textDocument/references", Palopo, line, character);
        references.EnumerateArray().Select(r => r.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32())
            .Should().Contain([Find(text, "provision p1-rotation").Line, line]);

        var outline = (await client.Request("textDocument/documentSymbol", new { textDocument = new { uri = LspClient.Uri(Palopo) } })).EnumerateArray().Single();
        outline.GetProperty("name").GetString().Should().Be("palopo-2021-wfh");
        outline.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Should().StartWith(["p1-rotation", "p2-critical-service"]);

        var (fieldLine, fieldCharacter) = Find(text, "unit.kind in {", 3);
        var field = await client.At("textDocument/hover", Palopo, fieldLine, fieldCharacter);
        field.GetProperty("contents").GetProperty("value").GetString().Should().StartWith("**field** `unit.kind`: one-of {").And.Contain("puskesmas");

        var (codeLine, codeCharacter) = Find(text, "unit.kind in { ", "unit.kind in { ".Length);
        var codes = await client.At("textDocument/completion", Palopo, codeLine, codeCharacter);
        codes.EnumerateArray().Select(c => c.GetProperty("label").GetString()).Should().Contain(["puskesmas", "rsud", "dinas"]);
        codes.EnumerateArray().Should().OnlyContain(c => c.GetProperty("kind").GetInt32() == 20);

        // A condition's start offers the age function and the vocabulary's date field.
        var (scopeLine, scopeCharacter) = Find(text, "scope ", "scope ".Length);
        var words = (await client.At("textDocument/completion", Palopo, scopeLine, scopeCharacter)).EnumerateArray().Select(c => c.GetProperty("label").GetString()).ToList();
        words.Should().Contain("employee.birth_date");
        var (modeLine, modeCharacter) = Find(text, "mode ", "mode ".Length);
        var keywords = (await client.At("textDocument/completion", Palopo, modeLine, modeCharacter)).EnumerateArray().Select(c => c.GetProperty("label").GetString()).ToList();
        keywords.Should().Contain(["age", "incident", "date"]);
    }

    [Fact]
    public async Task Formatting_is_the_canonical_printer_and_keeps_comments_where_they_were()
    {
        await using var client = LspClient.InProcess();
        await client.Initialize();
        var file = Path.Combine(_temp, "t.wp");
        var canonical = File.ReadAllText(Palopo);
        await client.Open(file, canonical.Replace("\n  ", "\n      "));
        var edits = await client.Request("textDocument/formatting", new { textDocument = new { uri = LspClient.Uri(file) }, options = new { tabSize = 2, insertSpaces = true } });
        edits.EnumerateArray().Single().GetProperty("newText").GetString().Should().Be(canonical);

        await client.Change(file, "# a note\n" + canonical.Replace("\n  ", "\n      "), 2);
        edits = await client.Request("textDocument/formatting", new { textDocument = new { uri = LspClient.Uri(file) }, options = new { tabSize = 2, insertSpaces = true } });
        edits.EnumerateArray().Single().GetProperty("newText").GetString().Should().Be("# a note\n" + canonical);
        (await client.At("textDocument/hover", file, 1, 12)).GetProperty("contents").GetProperty("value").GetString().Should().Contain("**circular** `palopo-2021-wfh`");
    }

    [Fact]
    public async Task A_test_file_gets_its_cases_checked_and_a_lens_per_case_with_the_outcome()
    {
        await using var client = LspClient.InProcess();
        await client.Initialize();
        var file = Path.Combine(Samples, "tests", "palopo.tests.yaml");
        var text = File.ReadAllText(file);
        await client.Open(file, text);
        (await client.Diagnostics(file, _ => true)).GetArrayLength().Should().Be(0);
        var lenses = await client.Request("textDocument/codeLens", new { textDocument = new { uri = LspClient.Uri(file) } });
        lenses.GetArrayLength().Should().BeGreaterThanOrEqualTo(16, "every case on both encodings");
        lenses.EnumerateArray().Should().OnlyContain(l => l.GetProperty("command").GetProperty("title").GetString()!.StartsWith("▶ run case — ok", StringComparison.Ordinal));

        var wrong = text.Replace("expect: { mode: office", "expect: { mode: home");
        await client.Change(file, wrong, 2);
        var failing = await client.Request("textDocument/codeLens", new { textDocument = new { uri = LspClient.Uri(file) } });
        var lens = failing.EnumerateArray().First(l => l.GetProperty("command").GetProperty("title").GetString()!.Contains("FAIL"));
        lens.GetProperty("command").GetProperty("title").GetString().Should().Contain("expected mode home, got office");
        var args = lens.GetProperty("command").GetProperty("arguments");
        var run = await client.Request("workspace/executeCommand", new { command = "workpolicy.runCase", arguments = new[] { args[0].GetString(), args[1].GetString() } });
        run.GetProperty("passed").GetBoolean().Should().BeFalse();

        await client.Change(file, wrong.Replace("    expect:", "    expct:"), 3);
        var problems = await client.Diagnostics(file, d => d.GetArrayLength() > 0);
        problems.EnumerateArray().Should().Contain(p => p.GetProperty("code").GetString() == "WP0204");
    }

    [Fact]
    public async Task Garbage_and_deep_nesting_get_diagnostics_and_the_server_keeps_serving()
    {
        await using var client = LspClient.InProcess();
        await client.Initialize();
        File.Copy(Path.Combine(Samples, "vocabulary.wp"), Path.Combine(_temp, "vocabulary.wp"));
        var file = Path.Combine(_temp, "junk.wp");
        var deep = "circular c {\n  provision p {\n    scope " + new string('(', 5000) + "unit.kind == dinas" + new string(')', 5000) + "\n  }\n}\n";
        await client.Open(file, "\u0000\u00ff}}}{{ circular \"\n" + deep);
        (await client.Diagnostics(file, d => d.GetArrayLength() > 0)).EnumerateArray().Should().OnlyContain(d => d.GetProperty("code").GetString()!.StartsWith("WP", StringComparison.Ordinal));
        // Requests at any position of it are answered, not failed.
        (await client.At("textDocument/hover", file, 4, 2)).ValueKind.Should().Be(JsonValueKind.Null);
        (await client.At("textDocument/completion", file, 400, 9999)).ValueKind.Should().Be(JsonValueKind.Array);
        await client.Change(file, File.ReadAllText(Palopo).Replace("palopo-2021-wfh", "junk-2021"), 2);
        (await client.Diagnostics(file, d => d.GetArrayLength() == 0)).GetArrayLength().Should().Be(0);
    }

    [Theory]
    [InlineData("shutdown then exit", 0, "")]
    [InlineData("exit alone", 1, "'exit' came before 'shutdown'")]
    [InlineData("not JSON", 1, "the connection ended before 'shutdown': Reading JSON RPC from the stream failed")]
    [InlineData("input closed", 1, "the connection ended before 'shutdown'")]
    public async Task The_exit_code_is_the_protocols_and_an_early_end_is_said(string session, int code, string said)
    {
        var (client, server) = FullDuplexStream.CreatePair();
        var log = new StringWriter();
        var serving = PolicyLanguageServer.RunAsync(server, server, log);
        async Task Send(string body)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(body);
            await client.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"Content-Length: {bytes.Length}\r\n\r\n"));
            await client.WriteAsync(bytes);
            await client.FlushAsync();
        }
        await Send("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}""");
        switch (session)
        {
            case "shutdown then exit":
                await Send("""{"jsonrpc":"2.0","id":2,"method":"shutdown"}""");
                await Send("""{"jsonrpc":"2.0","method":"exit"}""");
                break;
            case "exit alone":
                await Send("""{"jsonrpc":"2.0","method":"exit"}""");
                break;
            case "not JSON":
                await Send("{not json}");
                break;
            default:
                client.Dispose();
                break;
        }
        (await serving.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be(code, session);
        if (said.Length == 0) log.ToString().Should().BeEmpty();
        else log.ToString().Should().StartWith("workpolicy lsp: " + said);
    }

    [Fact]
    public async Task A_document_past_the_size_limit_gets_one_diagnostic()
    {
        await using var client = LspClient.InProcess();
        await client.Initialize();
        var file = Path.Combine(_temp, "huge.wp");
        await client.Open(file, new string(' ', 5 * 1024 * 1024));
        var diagnostics = await client.Diagnostics(file, d => d.GetArrayLength() > 0);
        diagnostics.EnumerateArray().Single().GetProperty("code").GetString().Should().Be("WP0002", diagnostics.ToString());
    }

    [Fact]
    public async Task The_command_answers_a_client_over_standard_input_and_output()
    {
        await using var client = LspClient.OverStdio();
        (await client.Initialize()).GetProperty("definitionProvider").GetBoolean().Should().BeTrue();
        var text = File.ReadAllText(Palopo);
        var broken = text.Replace("    overrides p1-rotation\n    mode office", "    overrides p1-rotation\n    mode offce");
        await client.Open(Palopo, broken);
        var d = (await client.Diagnostics(Palopo, x => x.GetArrayLength() > 0)).EnumerateArray().Single();
        (d.GetProperty("code").GetString(), d.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32()).Should().Be(("WP0110", Find(broken, "offce").Line));
        var (line, character) = Find(text, "provision p2-critical-service", "provision ".Length);
        (await client.At("textDocument/hover", Palopo, line, character)).GetProperty("contents").GetProperty("value").GetString()
            .Should().Contain("\"dikecualikan bagi pegawai yang melaksanakan pelayanan langsung\"");
    }
}
