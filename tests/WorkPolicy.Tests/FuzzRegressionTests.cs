using FluentAssertions;
using WorkPolicy.Parsing;
using WorkPolicy.Facts;
using WorkPolicy.Loading;
using WorkPolicy.Yaml;
using WorkPolicy.Diagnostics;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>Every crash or hang the fuzzers found, replayed: each must now end in diagnostics, quickly.</summary>
public class FuzzRegressionTests
{
    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        var root = Path.Combine(Repo.Root, "tests", "WorkPolicy.Tests", "FuzzRegressions");
        foreach (var target in new[] { "dsl", "yaml", "facts" })
        {
            var dir = Path.Combine(root, target);
            if (!Directory.Exists(dir)) continue;
            foreach (var f in Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal)) data.Add(target, Path.GetFileName(f));
        }
        return data;
    }

    [Theory(Timeout = 20_000)]
    [MemberData(nameof(Inputs))]
    public async Task Replayed_input_gives_diagnostics_without_crashing_or_hanging(string target, string file)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(Repo.Root, "tests", "WorkPolicy.Tests", "FuzzRegressions", target, file));
        if (target == "facts")
        {
            // Facts files arrive as bytes, as the command line reads them.
            var facts = await Task.Run(() => FactsLoader.Load(file, bytes, Engine.Link().Vocabulary).Diagnostics);
            facts.Should().NotBeEmpty("these inputs are malformed");
            facts.Should().OnlyContain(d => d.Span.Line >= 1 && d.Span.Column >= 1);
            return;
        }
        var diagnostics = new List<Diagnostic>();
        var text = SourceText.Decode(file, bytes, diagnostics);
        if (text is null)
        {
            diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCatalog.BadEncoding.Code);
            return;
        }
        var result = target switch
        {
            "dsl" => await Task.Run(() => DslParser.Parse(file, text).Diagnostics),
            _ => await Task.Run(() => YamlRuleLoader.Load(file, text).Diagnostics),
        };
        result.Should().NotBeEmpty("these inputs are malformed");
        result.Should().OnlyContain(d => d.Span.Line >= 1 && d.Span.Column >= 1);
    }
}
