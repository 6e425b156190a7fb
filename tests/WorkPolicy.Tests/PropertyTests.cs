using System.Collections.Immutable;
using CsCheck;
using FluentAssertions;
using NodaTime;
using WorkPolicy.Parsing;
using WorkPolicy.Loading;
using WorkPolicy.Printing;
using WorkPolicy.Yaml;
using WorkPolicy.Ast;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>Random rule files print and parse back to the same AST in both encodings; random damage never throws.</summary>
public class PropertyTests
{
    private static readonly Gen<string> Name = Gen.Select(Gen.OneOf("a", "b", "pns", "kota-x", "unit_kind", "e2"), Gen.Int[0, 99], (n, i) => i < 50 ? n : $"{n}-{i}");
    private static readonly Gen<string> Path = Gen.Select(Gen.OneOf("employee", "unit", "top-unit", "region"), Name, Name, Gen.Bool, (e, a, b, two) => two ? $"{e}.{a}.{b}" : $"{e}.{a}");
    private static readonly Gen<string> AnyText = Gen.String[Gen.Char.AlphaNumeric.Select(c => c), 0, 12]
        .Select(Gen.OneOf("", "\"", "\\", "\n", " é ", "#", "{ }", "25%"), (s, extra) => s + extra);

    private static readonly Gen<Literal> Literal = Gen.Frequency(
        (3, Name.Select(n => n is "true" or "false" ? Ast.Literal.Code("x" + n) : Ast.Literal.Code(n))),
        (1, Gen.Int[-500, 500].Select(i => new Literal(LiteralKind.Number, i.ToString(System.Globalization.CultureInfo.InvariantCulture)))),
        (1, Gen.Bool.Select(b => new Literal(LiteralKind.Bool, b ? "true" : "false"))));

    private static Gen<Expr> Leaf { get; } = Gen.Frequency(
        (1, Gen.Bool.Select(b => (Expr)new ConstExpr(b, default))),
        (2, Gen.OneOf(Name.Where(n => n is not ("and" or "or" or "not" or "incident")), Path).Select(n => (Expr)new NameExpr(n, default))),
        (3, Gen.Select(Path, Gen.Enum<CompareOp>(), Literal.Array[1, 3], (p, op, values) =>
            (Expr)new CompareExpr(p, op, CompareOps.TakesList(op) ? [.. values] : [values[0]], default))),
        (1, Gen.Select(Name, Gen.Int[1, 9], Gen.Int[0, 1], (k, d, o) => (Expr)new IncidentExpr(k, d, o, default))));

    private static Gen<Expr> ExprGen(int depth) => depth == 0 ? Leaf : Gen.Frequency(
        (3, Leaf),
        (1, ExprGen(depth - 1).Select(e => (Expr)new NotExpr(e, default))),
        (1, ExprGen(depth - 1).Array[2, 3].Select(es => (Expr)new AndExpr([.. es], default))),
        (1, ExprGen(depth - 1).Array[2, 3].Select(es => (Expr)new OrExpr([.. es], default))));

    private static readonly Gen<PropertyValue> Value = Gen.Frequency(
        (2, AnyText.Select(t => (PropertyValue)new TextValue(t))),
        (2, Name.Select(n => (PropertyValue)new CodeValue(n))),
        (1, Name.Array[2, 3].Select(ns => (PropertyValue)new CodeListValue([.. ns]))),
        (1, Gen.Int[0, 1000].Select(i => (PropertyValue)new NumberValue(i))),
        (1, Gen.Int[0, 100].Select(i => (PropertyValue)new PercentValue(i))),
        (1, Gen.Select(Gen.Int[1, 90], Gen.OneOf('m', 'h', 'd'), (a, u) => (PropertyValue)new DurationValue(a, u))));

    private static readonly Gen<TimeWindow> Window = Gen.Select(Gen.Int[0, 22], Gen.Int[0, 59], Gen.Int[0, 60], (h, m, len) =>
    {
        var from = new LocalTime(h, m);
        return new TimeWindow(from, from.PlusMinutes(len) < from ? from : from.PlusMinutes(len));
    });

    private static readonly Gen<ObligationDecl> Obligation = Gen.Select(Name, Gen.Select(Name.Where(n => n != "windows"), Value, (k, v) => new PropertyDecl(k, v, default)).Array[0, 3],
        Gen.Select(Gen.Enum<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None).Array[1, 3], Window.Array[1, 3], (d, w) => new WindowsValue([.. d.Distinct().Order()], [.. w])).Array[0, 2],
        (kind, props, windows) =>
        {
            // Keys are unique within an obligation in the YAML encoding; windows come last.
            var unique = props.DistinctBy(p => p.Key).ToList();
            return new ObligationDecl(kind, [.. unique, .. windows.Select(w => new PropertyDecl("windows", w, default))], default);
        });

    private static readonly Gen<ProvisionDecl> Provision = Gen.Select(
        Gen.Select(AnyText, AnyText, (p, q) => new CitationDecl(p, q, default)),
        Gen.Null(ExprGen(3)),
        Gen.Enum<WorkMode>().Where(m => m is WorkMode.Office or WorkMode.Home or WorkMode.Rotation or WorkMode.Optional).Nullable(),
        Gen.Select(Name, Gen.Bool, Gen.Bool, Gen.Int[0, 100], Gen.Enum<Rounding>(), Gen.Bool, (g, top, office, pct, r, atMost) =>
            new PoolDecl(g, top ? PoolPer.TopUnit : PoolPer.Unit, office ? QuotaPlace.Office : QuotaPlace.Home, pct, r, atMost, default)),
        Name.Array[0, 2], Obligation.Array[0, 2], AnyText.Array[0, 2],
        (cite, scope, mode, pool, overrides, obligations, notes) => new ProvisionDecl("p", cite, scope, mode, mode == WorkMode.Rotation ? pool : null,
            mode is null ? [WorkMode.Home] : [], [.. overrides], [.. obligations], [.. notes], default));

    private static readonly Gen<RuleFile> File = Gen.Select(Provision.Array[1, 4], Gen.Null(ExprGen(2)), Gen.Int[0, 800], Gen.Bool,
        (provisions, until, days, closed) =>
        {
            var start = new LocalDate(2021, 1, 1).PlusDays(days);
            var circular = new CircularDecl("c", "800/1/2021", null, "Bupati", ["kota-x"], "Asia/Makassar", start,
                new PeriodDecl(start, closed ? start.PlusDays(14) : null, until, default), [new RelationDecl(RelationKind.Implements, "SE \"15\"", null, default)],
                [.. provisions.Select((p, i) => p with { Id = $"p{i}" })], default);
            return new RuleFile("x", [], [circular]);
        });

    private static void ShouldRoundTrip(RuleFile file, RuleEncoding encoding)
    {
        var text = encoding == RuleEncoding.Dsl ? DslPrinter.Print(file) : YamlPrinter.Print(file);
        var back = RuleLoader.Parse("x", text, encoding);
        back.Diagnostics.Should().BeEmpty(text);
        back.File.Should().BeEquivalentTo(file, o => o.Excluding(m => m.Name == "Span" || m.Name == "Path" || m.Name == "Digest").RespectingRuntimeTypes().WithStrictOrdering(), text);
    }

    [Fact]
    public void Random_rule_files_round_trip_through_the_dsl() =>
        File.Sample(f => ShouldRoundTrip(f, RuleEncoding.Dsl), iter: 300, seed: "0N0XIzNsQ0O2");

    [Fact]
    public void Random_rule_files_round_trip_through_yaml() =>
        File.Sample(f => ShouldRoundTrip(f, RuleEncoding.Yaml), iter: 300, seed: "0N0XIzNsQ0O2");

    [Fact]
    public void Random_conditions_print_and_parse_to_the_same_tree() =>
        ExprGen(5).Sample(e =>
        {
            var text = ExprPrinter.Print(e);
            var diagnostics = new List<Diagnostic>();
            var back = ExpressionText.Parse("x", text, 1, 1, diagnostics);
            diagnostics.Should().BeEmpty(text);
            back.Should().BeEquivalentTo(e, o => o.Excluding(m => m.Name == "Span").RespectingRuntimeTypes().WithStrictOrdering(), text);
        }, iter: 1000, seed: "0N0XIzNsQ0O2");

    public static TheoryData<string> SampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(Repo.Path("samples", "circulars"), "*.wp").Concat(Directory.EnumerateFiles(Repo.Path("samples", "circulars", "yaml"))).Order(StringComparer.Ordinal))
            data.Add(System.IO.Path.GetRelativePath(Repo.Root, f));
        return data;
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Random_damage_to_a_sample_never_throws(string relative)
    {
        var text = System.IO.File.ReadAllText(System.IO.Path.Combine(Repo.Root, relative));
        var encoding = RuleLoader.EncodingOf(relative)!.Value;
        var edit = Gen.Select(Gen.Int[0, text.Length - 1], Gen.Int[0, 40], Gen.OneOf("", "{", "}", "(", ")", "\"", ":", "-", "\n", "  ", "#", "&a ", "*a", "\t", "0", "999999999999999999999999999999", "not not not"),
            (at, length, insert) => text[..at] + insert + text[Math.Min(text.Length, at + length)..]);
        edit.Sample(mutated =>
        {
            var result = RuleLoader.Parse(relative, mutated, encoding);
            result.Diagnostics.Should().NotContain(d => d.Span.Line < 1 || d.Span.Column < 1);
            if (!result.HasErrors) Checking.Linker.Link([result.File]);
        }, iter: 200, seed: "0N0XIzNsQ0O2");
    }
}
