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
        Diagnostic.Create(DiagnosticCatalog.EmptyRuleFile, SourceSpan.At("a.wp", 1, 1), "x").Severity.Should().Be(Severity.Warning);
        Diagnostic.Create(DiagnosticCatalog.Syntax, SourceSpan.At("a.wp", 1, 1), "x").Severity.Should().Be(Severity.Error);
        var act = () => DiagnosticCatalog.Of("WP9999");
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
