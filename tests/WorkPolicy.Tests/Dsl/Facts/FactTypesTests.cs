using System.Reflection;
using System.Runtime.Loader;
using FluentAssertions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NodaTime;
using WorkPolicy.Loading;
using Xunit;

namespace WorkPolicy.Tests.Dsl.Facts;

/// <summary>
/// The fact types made from a vocabulary (<see cref="RuleFiles.EmitFactTypes"/>, what WorkPolicy.Build runs in an app's
/// build), compiled here in memory as an app's compiler would: they compile, name every code with the rule files'
/// word, hand the engine the same facts as the untyped builder, and a misspelled code does not compile.
/// </summary>
public class FactTypesTests
{
    private const string Namespace = "Typed.Facts";
    private static readonly string Circulars = Repo.Path("samples", "circulars");

    private static readonly Lazy<string> Source = new(() => RuleFiles.EmitFactTypes([Circulars], Namespace).Value!);

    [Fact]
    public void Every_code_of_the_vocabulary_is_an_enum_member_that_writes_its_word()
    {
        var assembly = Compile(Source.Value);
        var vocabulary = RuleLoader.LoadRuleSet([Circulars]).Vocabulary;
        var codes = assembly.GetType($"{Namespace}.AsnIndonesiaFacts")!;
        var coded = vocabulary.Fields.Values.Where(f => f.Kind is Ast.FieldKind.OneOf or Ast.FieldKind.SetOf).ToList();
        coded.Should().NotBeEmpty();
        foreach (var field in coded)
        {
            var word = field.Path.Split('.')[^1].Replace("_", "", StringComparison.Ordinal);
            var type = assembly.GetTypes().Single(t => t.IsEnum && string.Equals(t.Name, word, StringComparison.OrdinalIgnoreCase));
            var members = Enum.GetValues(type);
            members.Length.Should().Be(field.Codes.Length, field.Path);
            var code = codes.GetMethod("Code", new[] { type })!;
            for (var i = 0; i < members.Length; i++) code.Invoke(null, [members.GetValue(i)]).Should().Be(field.Codes[i], field.Path);
        }
        var regions = Enum.GetValues(assembly.GetType($"{Namespace}.Region")!);
        regions.Length.Should().Be(vocabulary.Regions.Count);
    }

    [Fact]
    public void Typed_records_give_the_engine_the_facts_the_untyped_builder_gives()
    {
        const string driver = """
            using NodaTime;
            using WorkPolicy;
            namespace Typed.Facts;
            public static class Driver
            {
                public static FactsBuilder Build() => new FactsBuilder("hr")
                    .Add(new PpkmStatus(Region.KotaPalopo, new LocalDate(2021, 7, 26)) { Level = 4, Active = true })
                    .Add(new Unit("disdik", Region.KotaPalopo) { Kind = Kind.Dinas, Agency = Agency.Disdik, Services = [Services.PublicService, Services.Counter], Name = "Dinas Pendidikan" })
                    .Add(new Unit("sd-1", Region.KotaPalopo) { Kind = Kind.Sekolah, SchoolLevel = SchoolLevel.Sd, Parent = "disdik" })
                    .Add(new Employee("e-1", "disdik") { Employment = Employment.Pns, Position = Position.Pelaksana, Echelon = Echelon.None, Tier = 2, ItCapable = true })
                    .Add(new Employee("e-2", "sd-1") { Employment = Employment.Pppk, Position = Position.Fungsional, Roles = [Roles.Guru], BirthDate = new LocalDate(1970, 7, 28),
                        Health = new EmployeeHealth { Healthy = true, Chronic = [Chronic.Asma], Pregnant = false } })
                    .Add(new Employee("e-3", "disdik") { Employment = Employment.Honorer })
                    .Add(new IsolationStatus("e-1", new LocalDate(2021, 7, 28), new LocalDate(2021, 7, 29)) { Active = true });
            }
            """;
        var assembly = Compile(Source.Value, driver);
        var typed = (FactsBuilder)assembly.GetType("Typed.Facts.Driver")!.GetMethod("Build")!.Invoke(null, null)!;
        var untyped = new FactsBuilder("hr")
            .RegionStatus("kota-palopo", "ppkm", new LocalDate(2021, 7, 26), new() { ["level"] = 4m, ["active"] = true })
            .Unit("disdik", "kota-palopo", new() { ["kind"] = "dinas", ["agency"] = "disdik", ["services"] = new[] { "public-service", "counter" } }, "Dinas Pendidikan")
            .Unit("sd-1", "kota-palopo", new() { ["kind"] = "sekolah", ["school_level"] = "sd" }, parent: "disdik")
            .Employee("e-1", "disdik", new() { ["employment"] = "pns", ["position"] = "pelaksana", ["echelon"] = "none", ["tier"] = 2m, ["it_capable"] = true })
            .Employee("e-2", "sd-1", new() { ["employment"] = "pppk", ["position"] = "fungsional", ["roles"] = new[] { "guru" }, ["birth_date"] = new LocalDate(1970, 7, 28),
                ["health.healthy"] = true, ["health.chronic"] = new[] { "asma" }, ["health.pregnant"] = false })
            .Employee("e-3", "disdik", new() { ["employment"] = "honorer" })
            .EmployeeStatus("e-1", "isolation", new LocalDate(2021, 7, 28), new LocalDate(2021, 7, 29), new() { ["active"] = true });

        var engine = PolicyEngine.Load(Circulars).Value!;
        var a = engine.Facts.Build(typed);
        var b = engine.Facts.Build(untyped);
        a.Diagnostics.Should().BeEmpty();
        b.Diagnostics.Should().BeEmpty();
        foreach (var id in new[] { "e-1", "e-2", "e-3" })
            foreach (var day in new DateInterval(new LocalDate(2021, 7, 26), new LocalDate(2021, 8, 1)))
            {
                a.Value!.Excerpt(id, day).Should().Be(b.Value!.Excerpt(id, day));
                engine.Decide(a.Value, id, day).Should().Be(engine.Decide(b.Value, id, day));
            }
    }

    [Fact]
    public void A_misspelled_code_or_field_does_not_compile()
    {
        const string app = """
            using Typed.Facts;
            public static class App
            {
                public static Employee Staff() => new("e-1", "disdik") { Position = Position.Pelaksanaa, Employmnt = Employment.Pns };
            }
            """;
        var errors = Diagnose(Source.Value, app).Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        errors.Should().Contain(e => e.Contains("CS0117") && e.Contains("'Pelaksanaa'"));
        errors.Should().Contain(e => e.Contains("CS0117") && e.Contains("'Employmnt'"));
    }

    [Fact]
    public void Codes_with_quotes_and_backslashes_compile_and_keep_their_words()
    {
        var dir = Directory.CreateTempSubdirectory("wp-types-");
        try
        {
            // A YAML vocabulary may give a code any characters: the generated literals hold them as written.
            var path = Path.Combine(dir.FullName, "vocabulary.yaml");
            File.WriteAllText(path, "vocabularies:\n  - id: odd\n    fields:\n      - path: employee.position\n        type: one-of\n        codes: ['a\"b', 'c\\d', x]\n");
            var emitted = RuleFiles.EmitFactTypes([path], Namespace);
            emitted.Diagnostics.Should().BeEmpty();
            var codes = Compile(emitted.Value!).GetType($"{Namespace}.OddFacts")!;
            var type = codes.Assembly.GetType($"{Namespace}.Position")!;
            Enum.GetValues(type).Cast<object>().Select(v => codes.GetMethod("Code", [type])!.Invoke(null, [v])).Should().Equal("a\"b", "c\\d", "x");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_same_vocabulary_makes_the_same_text()
    {
        RuleFiles.EmitFactTypes([Path.Combine(Circulars, "vocabulary.wp")], Namespace).Value.Should().Be(Source.Value);
        Source.Value.Should().NotContain("\r");
    }

    [Fact]
    public void Rule_files_with_errors_give_their_diagnostics_and_no_text()
    {
        var dir = Directory.CreateTempSubdirectory("wp-types-");
        try
        {
            var broken = Path.Combine(dir.FullName, "vocabulary.wp");
            File.WriteAllText(broken, "vocabulary v {\n  field employee.tier: numbr\n}\n");
            var bad = RuleFiles.EmitFactTypes([broken], Namespace);
            bad.Value.Should().BeNull();
            bad.Diagnostics.Should().Contain(d => d.Code == "WP0110" && d.Span.Line == 2);

        }
        finally
        {
            dir.Delete(recursive: true);
        }
        FluentActions.Invoking(() => RuleFiles.EmitFactTypes([Circulars], "Not A.Namespace")).Should().Throw<ArgumentException>().WithParameterName("namespace");
        FluentActions.Invoking(() => RuleFiles.EmitFactTypes([Circulars], "HrApp.static.Facts")).Should().Throw<ArgumentException>().WithParameterName("namespace");
    }

    private static IEnumerable<Microsoft.CodeAnalysis.Diagnostic> Diagnose(params string[] sources) => InMemoryCSharp.Compilation(sources).GetDiagnostics();

    private static Assembly Compile(params string[] sources) => InMemoryCSharp.Compile(sources);
}
