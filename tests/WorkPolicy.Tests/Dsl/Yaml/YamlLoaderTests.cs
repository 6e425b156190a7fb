using FluentAssertions;
using WorkPolicy.Yaml;
using WorkPolicy.Ast;
using WorkPolicy.Diagnostics;
using Xunit;

namespace WorkPolicy.Tests;

public class YamlLoaderTests
{
    private const string Minimal = """
        circulars:
          - id: c1
            number: "1/2021"
            issuer: "Bupati"
            regions: [r1]
            period:
              from: 2021-07-01
            provisions:
              - id: base
                cite: { point: "1", quote: "semua" }
                scope: "employee.position == pelaksana and not asn"
                mode: home
        """;

    [Fact]
    public void Loads_a_circular_with_condition_spans_pointing_into_the_file()
    {
        var r = YamlRuleLoader.Load("a.yaml", Minimal);
        r.Diagnostics.Should().BeEmpty();
        var p = r.File.Circulars.Single().Provisions.Single();
        p.Mode.Should().Be(WorkMode.Home);
        var and = p.Scope.Should().BeOfType<AndExpr>().Subject;
        (and.Operands[1].Span.Line, and.Operands[1].Span.Column).Should().Be((11, 52));
    }

    [Fact]
    public void Condition_errors_point_at_the_column_inside_the_scalar()
    {
        var d = YamlRuleLoader.Load("a.yaml", Minimal.Replace("and not asn", "and not (asn")).Diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be(DiagnosticCatalog.Syntax.Code);
        (d.Span.Line, d.Span.Column).Should().Be((11, 60));
    }

    [Fact]
    public void Anchors_and_aliases_are_refused()
    {
        var d = YamlRuleLoader.Load("a.yaml", "circulars:\n  - &c { id: x }\n  - *c\n").Diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be(DiagnosticCatalog.YamlAlias.Code);
        (d.Span.Line, d.Span.Column).Should().Be((2, 5));
    }

    [Fact]
    public void Duplicate_keys_are_refused_at_the_second_key()
    {
        var d = YamlRuleLoader.Load("a.yaml", Minimal.Replace("    issuer: \"Bupati\"", "    issuer: \"Bupati\"\n    issuer: \"Wali Kota\"")).Diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be(DiagnosticCatalog.DuplicateKey.Code);
        (d.Span.Line, d.Span.Column).Should().Be((5, 5));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(40)]
    public void A_duplicate_key_is_found_in_small_and_large_mappings_alike(int keys)
    {
        // Small mappings are scanned, large ones switch to a key set: both must see the repeat.
        var lines = Enumerable.Range(0, keys).Select(i => $"  k{i}: {i}").Append("  k1: again");
        var text = "m:\n" + string.Join('\n', lines) + "\n";
        var diagnostics = new List<Diagnostic>();
        WorkPolicy.Yaml.YamlTreeReader.Read("m.yaml", text, diagnostics).Should().BeNull();
        var d = diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be(DiagnosticCatalog.DuplicateKey.Code);
        (d.Span.Line, d.Span.Column).Should().Be((keys + 2, 3));
        var distinct = new List<Diagnostic>();
        WorkPolicy.Yaml.YamlTreeReader.Read("m.yaml", "m:\n" + string.Join('\n', lines.SkipLast(1)) + "\n", distinct).Should().NotBeNull();
        distinct.Should().BeEmpty();
    }

    [Fact]
    public void Unknown_keys_name_the_nearest_known_key()
    {
        var d = YamlRuleLoader.Load("a.yaml", Minimal.Replace("    issuer:", "    isuer:")).Diagnostics;
        d.Should().Contain(x => x.Code == DiagnosticCatalog.UnknownKey.Code && x.Message.Contains("did you mean 'issuer'") && x.Span.Line == 4 && x.Span.Column == 5);
        d.Should().Contain(x => x.Code == DiagnosticCatalog.MissingProperty.Code && x.Message.Contains("'issuer'"));
    }

    [Fact]
    public void Syntax_errors_carry_line_and_column()
    {
        var d = YamlRuleLoader.Load("a.yaml", "circulars:\n  - id: [unclosed\n").Diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be(DiagnosticCatalog.YamlSyntax.Code);
        d.Span.Line.Should().BeGreaterThan(1);
    }

    [Fact]
    public void Deep_nesting_is_refused_before_any_recursion()
    {
        var deep = new string('[', 10000) + new string(']', 10000);
        var d = YamlRuleLoader.Load("a.yaml", "circulars: " + deep).Diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be(DiagnosticCatalog.TooDeep.Code);
    }

    [Fact]
    public void Impossible_dates_and_times_are_diagnostics()
    {
        var text = Minimal.Replace("from: 2021-07-01", "from: 2021-02-30").Replace("mode: home", "mode: home\n        obligations:\n          - kind: check-in\n            windows:\n              - { days: mon, times: [\"25:61\"] }");
        YamlRuleLoader.Load("a.yaml", text).Diagnostics.Select(d => d.Code).Should().BeEquivalentTo([DiagnosticCatalog.BadDate.Code, DiagnosticCatalog.BadTime.Code]);
    }

    [Fact]
    public void Wrong_shapes_are_reported_not_thrown()
    {
        var d = YamlRuleLoader.Load("a.yaml", "circulars: 5\n").Diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be(DiagnosticCatalog.WrongShape.Code);
        YamlRuleLoader.Load("a.yaml", "- 1\n- 2\n").Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCatalog.WrongShape.Code);
        YamlRuleLoader.Load("a.yaml", "").Diagnostics.Should().BeEmpty();
    }
}
