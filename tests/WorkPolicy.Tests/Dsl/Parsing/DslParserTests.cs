using FluentAssertions;
using NodaTime;
using WorkPolicy.Parsing;
using WorkPolicy.Ast;
using WorkPolicy.Diagnostics;
using Xunit;

namespace WorkPolicy.Tests;

public class DslParserTests
{
    private const string Minimal = """
        circular c1 {
          number "1/2021"
          issuer "Bupati"
          region r1
          period from 2021-07-01 to 2021-07-14
          provision base {
            cite "1" "semua pegawai"
            mode home
          }
        }
        """;

    [Fact]
    public void Parses_a_circular_with_spans()
    {
        var r = DslParser.Parse("a.wp", Minimal);
        r.Diagnostics.Should().BeEmpty();
        var c = r.File.Circulars.Should().ContainSingle().Subject;
        c.Id.Should().Be("c1");
        c.Period.Should().BeEquivalentTo(new { From = new LocalDate(2021, 7, 1), To = (LocalDate?)new LocalDate(2021, 7, 14) }, o => o.ExcludingMissingMembers());
        var p = c.Provisions.Should().ContainSingle().Subject;
        p.Mode.Should().Be(WorkMode.Home);
        p.Span.Line.Should().Be(6);
        p.Span.Column.Should().Be(3);
        p.Cite.Quote.Should().Be("semua pegawai");
    }

    [Fact]
    public void Parses_condition_precedence_not_over_and_over_or()
    {
        var r = DslParser.Parse("a.wp", Minimal.Replace("mode home", "scope not a and b or c\n    mode home"));
        r.Diagnostics.Should().BeEmpty();
        var scope = r.File.Circulars[0].Provisions[0].Scope;
        var or = scope.Should().BeOfType<OrExpr>().Subject;
        var and = or.Operands[0].Should().BeOfType<AndExpr>().Subject;
        and.Operands[0].Should().BeOfType<NotExpr>();
        or.Operands[1].Should().BeOfType<NameExpr>().Which.Name.Should().Be("c");
    }

    [Fact]
    public void Parses_comparisons_lists_and_incident()
    {
        var text = Minimal.Replace("mode home", "scope employee.roles has-any { sopir, guru } and employee.tier <= 2 and incident positive-case for 3 days from day-after\n    mode home");
        var r = DslParser.Parse("a.wp", text);
        r.Diagnostics.Should().BeEmpty();
        var and = (AndExpr)r.File.Circulars[0].Provisions[0].Scope!;
        and.Operands[0].Should().BeEquivalentTo(new { Path = "employee.roles", Op = CompareOp.HasAny }, o => o.ExcludingMissingMembers());
        ((CompareExpr)and.Operands[0]).Values.Select(v => v.Text).Should().Equal("sopir", "guru");
        and.Operands[1].Should().BeEquivalentTo(new { Path = "employee.tier", Op = CompareOp.Le }, o => o.ExcludingMissingMembers());
        and.Operands[2].Should().BeEquivalentTo(new IncidentExpr("positive-case", 3, 1, default), o => o.Excluding(x => x.Span));
    }

    [Fact]
    public void Impossible_date_is_reported_at_its_column()
    {
        var r = DslParser.Parse("a.wp", Minimal.Replace("2021-07-14", "2021-02-30"));
        var d = r.Diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be(DiagnosticCatalog.BadDate.Code);
        d.Span.Line.Should().Be(5);
        d.Span.Column.Should().Be(29);
        d.ToString().Should().Be("a.wp(5,29): error WP0105: '2021-02-30' is not a calendar date");
    }

    [Fact]
    public void Impossible_time_is_reported()
    {
        var text = Minimal.Replace("mode home", "mode home\n    obligation check-in {\n      windows mon 25:61\n    }");
        var d = DslParser.Parse("a.wp", text).Diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be(DiagnosticCatalog.BadTime.Code);
        (d.Span.Line, d.Span.Column).Should().Be((10, 19));
    }

    [Fact]
    public void Reports_several_errors_in_one_file_and_keeps_parsing()
    {
        var text = """
            circular c1 {
              numbr "1/2021"
              issuer "Bupati"
              region r1
              period from 2021-07-01 to 2021-13-01
              provision base {
                cite "1" "semua"
                mode wfh
              }
            }
            """;
        var r = DslParser.Parse("a.wp", text);
        r.Diagnostics.Select(d => (d.Code, d.Span.Line, d.Span.Column)).Should().BeEquivalentTo(new[]
        {
            (DiagnosticCatalog.Syntax.Code, 2, 3),
            (DiagnosticCatalog.BadDate.Code, 5, 29),
            (DiagnosticCatalog.BadValue.Code, 8, 10),
            (DiagnosticCatalog.MissingProperty.Code, 1, 10),
        });
        r.Diagnostics[0].Message.Should().Contain("did you mean 'number'");
        // The bad period was reported where it is; it is not reported missing as well.
        r.Diagnostics.Where(d => d.Code == DiagnosticCatalog.MissingProperty.Code).Select(d => d.Message)
            .Should().Equal("circular 'c1' has no 'number'");
    }

    [Fact]
    public void Unclosed_block_is_reported_at_its_start()
    {
        var d = DslParser.Parse("a.wp", "circular c1 {\n  number \"1\"\n").Diagnostics.Should().ContainSingle().Subject;
        d.Message.Should().Contain("missing '}'");
        (d.Span.Line, d.Span.Column).Should().Be((1, 1));
    }

    [Fact]
    public void Unterminated_string_is_a_syntax_error_not_a_crash()
    {
        var d = DslParser.Parse("a.wp", "circular c1 {\n  number \"1/2021\n}\n").Diagnostics.Should().NotBeEmpty().And.Subject.First();
        d.Code.Should().Be(DiagnosticCatalog.Syntax.Code);
        (d.Span.Line, d.Span.Column).Should().Be((2, 10));
        d.Message.Should().Contain("not closed");
    }

    [Fact]
    public void Deep_parentheses_are_refused_with_a_diagnostic()
    {
        // Spaced so no single token hits the length limit: the depth guard must stop it, not the stack.
        var deep = string.Concat(Enumerable.Repeat("( ", 5000)) + "a" + string.Concat(Enumerable.Repeat(" )", 5000));
        var r = DslParser.Parse("a.wp", Minimal.Replace("mode home", $"scope {deep}\n    mode home"));
        var d = r.Diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be(DiagnosticCatalog.TooDeep.Code);
        (d.Span.Line, d.Span.Column).Should().Be((8, 77), "reported right after the 33rd parenthesis, where the limit is passed");
    }

    [Fact]
    public void Parentheses_just_past_the_limit_give_too_deep()
    {
        var deep = string.Concat(Enumerable.Repeat("( ", 40)) + "a" + string.Concat(Enumerable.Repeat(" )", 40));
        var r = DslParser.Parse("a.wp", Minimal.Replace("mode home", $"scope {deep}\n    mode home"));
        r.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == DiagnosticCatalog.TooDeep.Code && d.Message.Contains("deeper than 32"));
    }

    [Fact]
    public void Over_long_token_is_refused()
    {
        var r = DslParser.Parse("a.wp", Minimal.Replace("c1", new string('c', 600)));
        r.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCatalog.TokenTooLong.Code);
    }

    [Fact]
    public void Crlf_line_endings_parse_like_lf()
    {
        var r = DslParser.Parse("a.wp", Minimal.Replace("\n", "\r\n"));
        r.Diagnostics.Should().BeEmpty();
        r.File.Circulars[0].Provisions[0].Span.Line.Should().Be(6);
    }

    [Fact]
    public void Windows_parse_days_ranges_and_fixed_times()
    {
        var text = Minimal.Replace("mode home", "mode home\n    obligation check-in {\n      windows mon-thu, sat 07:00-07:30, 12:00\n      tolerance 15m\n    }");
        var r = DslParser.Parse("a.wp", text);
        r.Diagnostics.Should().BeEmpty();
        var props = r.File.Circulars[0].Provisions[0].Obligations[0].Properties;
        var w = props[0].Value.Should().BeOfType<WindowsValue>().Subject;
        w.Days.Should().Equal(IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Saturday);
        w.Windows.Should().Equal(new TimeWindow(new LocalTime(7, 0), new LocalTime(7, 30)), new TimeWindow(new LocalTime(12, 0), new LocalTime(12, 0)));
        props[1].Value.Should().Be(new DurationValue(15, 'm'));
    }
}
