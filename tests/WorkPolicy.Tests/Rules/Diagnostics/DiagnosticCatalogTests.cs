using System.Reflection;
using System.Text;
using FluentAssertions;
using WorkPolicy.Diagnostics;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>One table of codes: every code the sources name is in the catalogue, once, and docs/diagnostics.md shows that table.</summary>
public class DiagnosticCatalogTests
{
    [Fact]
    public void Every_descriptor_is_declared_once_with_a_code_of_its_own()
    {
        var declared = typeof(DiagnosticCatalog).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(DiagnosticDescriptor)).ToList();
        declared.Should().NotBeEmpty();
        DiagnosticCatalog.All.Should().HaveCount(declared.Count);
        DiagnosticCatalog.All.Select(d => d.Code).Should().OnlyHaveUniqueItems().And.BeInAscendingOrder(StringComparer.Ordinal);
        DiagnosticCatalog.All.Should().OnlyContain(d => System.Text.RegularExpressions.Regex.IsMatch(d.Code, "^WP[0-9]{4}$") && d.Title.Length > 0 && d.Help.Length > 0);
    }

    [Fact]
    public void A_diagnostic_takes_the_severity_of_its_code()
    {
        Diagnostic.Create(DiagnosticMessages.FileDeclaresNothing, SourceSpan.At("a.wp", 1, 1)).Severity.Should().Be(Severity.Warning);
        Diagnostic.Create(DiagnosticMessages.Expected, SourceSpan.At("a.wp", 1, 1), "x").Severity.Should().Be(Severity.Error);
        var act = () => DiagnosticCatalog.Of("WP9999");
        act.Should().Throw<InvalidOperationException>().WithMessage("*not in the catalogue*");
    }

    [Fact]
    public void Every_message_belongs_to_a_catalogued_code_and_is_used()
    {
        var messages = typeof(DiagnosticMessages).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (f.Name, Message: (DiagnosticMessage)f.GetValue(null)!)).ToList();
        messages.Should().HaveCountGreaterThan(100);
        messages.Should().OnlyContain(m => DiagnosticCatalog.All.Contains(m.Message.Descriptor), "a message speaks for a code of the catalogue");
        messages.Select(m => (m.Message.Descriptor.Code, m.Message.Format)).Should().OnlyHaveUniqueItems("the same words are declared once per code");
        // Every format takes as many values as its holes name, formatted invariantly.
        foreach (var (name, message) in messages)
        {
            var holes = System.Text.RegularExpressions.Regex.Matches(message.Format, @"(?<!\{)\{(\d+)").Select(m => int.Parse(m.Groups[1].Value)).DefaultIfEmpty(-1).Max() + 1;
            var text = message.Text(Enumerable.Range(0, holes).Select(i => (object?)$"v{i}").ToArray());
            text.Should().NotContain("{0", name);
        }
        // A message nobody reports is dead words: the sources name each one.
        var sources = Directory.EnumerateFiles(Repo.Path("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.EndsWith("DiagnosticMessages.cs", StringComparison.Ordinal))
            .Select(File.ReadAllText).ToList();
        messages.Where(m => !sources.Any(s => s.Contains($"DiagnosticMessages.{m.Name}", StringComparison.Ordinal))).Select(m => m.Name).Should().BeEmpty();
    }

    [Fact]
    public void A_suggestion_is_data_and_the_message_says_it()
    {
        var d = Diagnostic.Create(new DiagnosticFix("dinass", "dinas"), DiagnosticMessages.NotCodeOfField, SourceSpan.At("f.yaml", 3, 9), "dinass", "unit.kind");
        d.Message.Should().Be("'dinass' is not a code of 'unit.kind' (did you mean 'dinas'?)");
        d.Fix.Should().Be(new DiagnosticFix("dinass", "dinas"));
        Diagnostic.Create(null, DiagnosticMessages.NotCodeOfField, SourceSpan.At("f.yaml", 3, 9), "x", "unit.kind").Fix.Should().BeNull();
    }

    /// <summary>When this fails, run the tests with WORKPOLICY_ACCEPT_DOCS=1 to write the table into the doc, and review it.</summary>
    [Fact]
    public void The_documentation_lists_the_catalogue()
    {
        var path = Repo.Path("docs", "diagnostics.md");
        var doc = File.ReadAllText(path);
        const string Begin = "<!-- catalogue -->\n", End = "<!-- /catalogue -->";
        var table = new StringBuilder(Begin).Append("| code | severity | what | what to do |\n|---|---|---|---|\n");
        foreach (var d in DiagnosticCatalog.All) table.Append($"| {d.Code} | {d.Severity.ToString().ToLowerInvariant()} | {d.Title} | {d.Help} |\n");
        table.Append(End);
        var start = doc.IndexOf(Begin, StringComparison.Ordinal);
        var end = doc.IndexOf(End, StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, "the doc marks where the table goes");
        var current = doc[start..(end + End.Length)];
        if (Environment.GetEnvironmentVariable("WORKPOLICY_ACCEPT_DOCS") == "1") File.WriteAllText(path, doc.Replace(current, table.ToString()));
        current.Should().Be(table.ToString());
    }
}
