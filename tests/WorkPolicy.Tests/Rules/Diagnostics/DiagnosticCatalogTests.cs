using System.Reflection;
using System.Text;
using FluentAssertions;
using WorkPolicy.Rules.Diagnostics;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>One table of codes: every code the sources name is in the catalogue, once, and docs/diagnostics.md shows that table.</summary>
public class DiagnosticCatalogTests
{
    [Fact]
    public void Every_named_code_has_one_catalogue_entry()
    {
        var named = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).ToList();
        named.Should().OnlyHaveUniqueItems();
        DiagnosticCatalog.All.Select(d => d.Code).Should().BeEquivalentTo(named);
        DiagnosticCatalog.All.Select(d => d.Code).Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Fact]
    public void A_diagnostic_takes_the_severity_of_its_code()
    {
        Diagnostic.Create(DiagnosticCodes.EmptyRuleFile, SourceSpan.At("a.wp", 1, 1), "x").Severity.Should().Be(Severity.Warning);
        Diagnostic.Create(DiagnosticCodes.Syntax, SourceSpan.At("a.wp", 1, 1), "x").Severity.Should().Be(Severity.Error);
        var act = () => Diagnostic.Create("WP9999", SourceSpan.At("a.wp", 1, 1), "x");
        act.Should().Throw<InvalidOperationException>().WithMessage("*not in the catalogue*");
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
