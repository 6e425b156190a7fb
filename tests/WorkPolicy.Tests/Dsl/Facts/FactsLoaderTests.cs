using FluentAssertions;
using WorkPolicy.Facts;
using WorkPolicy.Diagnostics;
using Xunit;

namespace WorkPolicy.Tests;

public class FactsLoaderTests
{
    private static FactsResult Load(string text) => FactsLoader.Load("f.yaml", text, Engine.Link().Vocabulary);

    [Fact]
    public void Loads_the_sample_facts_with_nested_health_and_status_series()
    {
        var f = Engine.Samples().Facts;
        f.Employees.Should().HaveCount(12);
        f.Employees.Single(e => e.Id == "e-107").Fields["health.healthy"].Should().Be(new BoolFact(true));
        f.Regions["kota-palopo"].Series["ppkm"].Should().HaveCount(3);
        f.Calendar.Holidays.Should().HaveCount(3);
    }

    [Fact]
    public void Unknown_code_names_the_nearest_valid_code()
    {
        var d = Load("units: [ { id: u, region: kota-palopo, kind: puskesmass } ]").Diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be(DiagnosticCatalog.UnknownCode.Code);
        d.Message.Should().Contain("did you mean 'puskesmas'");
        (d.Span.Line, d.Span.Column).Should().Be((1, 46));
    }

    [Fact]
    public void Unknown_key_is_an_error_with_a_suggestion()
    {
        var d = Load("units: [ { id: u, region: kota-palopo } ]\nemployees:\n  - { id: e, unit: u, emploment: pns }\n").Diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be(DiagnosticCatalog.UnknownKey.Code);
        d.Message.Should().Contain("did you mean 'employment'");
        (d.Span.Line, d.Span.Column).Should().Be((3, 23));
    }

    [Fact]
    public void Dangling_references_duplicate_ids_and_parent_cycles_are_reported()
    {
        const string text = """
            units:
              - { id: a, region: kota-palopo, parent: b }
              - { id: b, region: kota-palopo, parent: a }
              - { id: c, region: kota-palopo, parent: zz }
            employees:
              - { id: e, unit: a }
              - { id: e, unit: nowhere }
            incidents:
              - { kind: positive-case, unit: q, confirmed: 2021-02-30 }
            """;
        Load(text).Diagnostics.Select(d => d.Code).Should().BeEquivalentTo([
            DiagnosticCatalog.ParentCycle.Code, DiagnosticCatalog.ParentCycle.Code, DiagnosticCatalog.DanglingReference.Code,
            DiagnosticCatalog.FactsDuplicateId.Code, DiagnosticCatalog.DanglingReference.Code, DiagnosticCatalog.DanglingReference.Code,
            DiagnosticCatalog.BadDate.Code]);
    }

    [Fact]
    public void Unknown_region_and_bad_timestamps_are_reported()
    {
        const string text = """
            regions:
              kota-palopoo: { ppkm: [ { from: 2021-07-01, level: 4 } ] }
            units: [ { id: u, region: kota-palopo } ]
            employees: [ { id: e, unit: u } ]
            checkins:
              - { employee: e, at: 2021-07-30T07:05:00+08:00 }
              - { employee: e, at: "2021-07-30 07:05" }
            """;
        var r = Load(text);
        r.Diagnostics.Select(d => d.Code).Should().BeEquivalentTo([DiagnosticCatalog.UnknownCode.Code, DiagnosticCatalog.BadDate.Code]);
        r.Diagnostics[0].Message.Should().Contain("did you mean 'kota-palopo'");
        r.Facts!.Checkins.Should().ContainSingle();
    }

    [Fact]
    public void Absent_facts_stay_absent_so_they_read_as_unknown()
    {
        var r = Load("units: [ { id: u, region: kota-palopo } ]\nemployees: [ { id: e, unit: u } ]\n");
        r.Diagnostics.Should().BeEmpty();
        r.Facts!.Employees[0].Fields.Should().BeEmpty();
        r.Facts.Incidents.Should().BeNull("no 'incidents' key means incidents are unknown");
    }
}

public class JsonFactsTests
{
    [Fact]
    public void Json_and_yaml_facts_load_to_the_same_facts()
    {
        var rules = Engine.Link().Vocabulary;
        var yaml = FactsLoader.Load("g.facts.yaml", WorkPolicy.Generation.FactsGenerator.Generate(300, 5), rules);
        var json = FactsLoader.Load("g.facts.json", WorkPolicy.Generation.FactsGenerator.Generate(300, 5, json: true), rules);
        yaml.Diagnostics.Should().BeEmpty();
        json.Diagnostics.Should().BeEmpty();
        json.Facts.Should().BeEquivalentTo(yaml.Facts, o => o.Excluding(m => m.Name == "Span" || m.Name == "Path").RespectingRuntimeTypes().WithStrictOrdering());
    }

    [Fact]
    public void Json_facts_errors_carry_line_and_column()
    {
        var d = FactsLoader.Load("f.json", "{\n  \"units\": [ { \"id\": \"u\", \"region\": \"kota-palopo\", \"kind\": \"dinass\" } ]\n}\n", Engine.Link().Vocabulary).Diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be(DiagnosticCatalog.UnknownCode.Code);
        (d.Span.Line, d.Span.Column).Should().Be((2, 60));
        var syntax = FactsLoader.Load("f.json", "{\n  \"units\": [ { \"id\": \"u\", } ]\n}\n", Engine.Link().Vocabulary).Diagnostics.Should().ContainSingle().Subject;
        syntax.Code.Should().Be(DiagnosticCatalog.YamlSyntax.Code);
        syntax.Span.Line.Should().Be(2);
        FactsLoader.Load("f.json", "{ \"units\": [], \"units\": [] }", Engine.Link().Vocabulary).Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCatalog.DuplicateKey.Code);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Employees_mapped_while_reading_equal_employees_mapped_from_the_whole_tree(bool json)
    {
        var rules = Engine.Link().Vocabulary;
        var text = WorkPolicy.Generation.FactsGenerator.Generate(400, 3, json);
        // Damage: an unknown unit, an unknown code and a duplicate id among the employees, an unknown key in a unit.
        text = text.Replace("dinsos-balikpapan", "dinsos-balikpapn").Replace("\"pns\"", "\"pnss\"").Replace(": pns", ": pnss");
        var streamed = FactsLoader.Load("g.facts", text, rules);
        var diagnostics = new List<Diagnostic>();
        var root = json
            ? WorkPolicy.Yaml.JsonTreeReader.Read("g.facts", text, diagnostics, 64, 10_000_000)!
            : WorkPolicy.Yaml.YamlTreeReader.Read("g.facts", text, diagnostics, 100_000_000, 10_000_000)!;
        var whole = FactsLoader.Load("g.facts", root, rules);
        streamed.Diagnostics.Should().NotBeEmpty();
        streamed.Diagnostics.Should().Equal(whole.Diagnostics);
        streamed.Diagnostics.Select(d => (d.Span.Line, d.Span.Column)).Should().BeInAscendingOrder();
        streamed.Facts!.Employees.Should().HaveCount(whole.Facts!.Employees.Length).And.HaveCountGreaterThan(300);
        streamed.Facts.Should().BeEquivalentTo(whole.Facts, o => o.RespectingRuntimeTypes().WithStrictOrdering());
    }

    [Fact]
    public void Odd_json_employees_map_and_report_the_same_from_tokens_as_from_nodes()
    {
        var rules = Engine.Link().Vocabulary;
        var employees = new[]
        {
            """{"id": "a", "unit": "u", "employment": "pns", "tier": 3, "roles": ["guru", "sopir", "guru"], "health": {"healthy": true}}""",
            """{"id": "c", "unit": "u", "health": {"healthy": "true", "chronic": "asma"}}""",
            """{"id": "d", "unit": "u", "position": null, "echelon": "", "tier": "x"}""",
            """{"id": 5, "unit": "u"}""",
            """{"id": "a", "unit": "u"}""",
            """{"id": "e", "unit": "nowhere", "health": {"healthy": false, "deeper": {"x": 1}}}""",
            """{"id": "f", "unit": "u", "roles": [], "health": {}, "it_capable": false, "colour": "blue"}""",
            """{"id": "g", "unit": "u", "roles": ["guru", null, 3], "tier": "2.5"}""",
            // Codes and keys remembered by their characters: a code refused twice, an escaped key, a key too long to remember.
            """{"id": "h", "unit": "u", "employment": "pnss", "roles": ["gurru"]}""",
            """{"id": "i", "unit": "u", "employment": "pnss", "roles": ["gurru", "guru"]}""",
            """{"id": "j", "unit": "u", "\u0065mployment": "pns", "roles": ["g\u0075ru"]}""",
            """{"id": "k", "unit": "u", "a_key_much_longer_than_any_field_of_the_vocabulary_has": true}""",
            """["not", "a", "mapping"]""",
            """{"unit": "u"}""",
        };
        var text = "{\n\"units\": [{\"id\": \"u\", \"region\": \"kota-palopo\", \"kind\": \"dinas\"}],\n\"employees\": [\n" + string.Join(",\n", employees) + "\n]}\n";
        var streamed = FactsLoader.Load("odd.facts.json", text, rules);
        var diagnostics = new List<Diagnostic>();
        var whole = FactsLoader.Load("odd.facts.json", WorkPolicy.Yaml.JsonTreeReader.Read("odd.facts.json", text, diagnostics, 64, 1000)!, rules);
        diagnostics.Should().BeEmpty();
        streamed.Diagnostics.Should().Equal(whole.Diagnostics);
        streamed.Diagnostics.Should().HaveCountGreaterThan(6);
        streamed.Facts.Should().BeEquivalentTo(whole.Facts, o => o.RespectingRuntimeTypes().WithStrictOrdering());
        streamed.Facts!.Employees.Select(e => e.Id).Should().Contain(["a", "f", "j"]);

        // A key given twice stops the read, whichever path the employee takes.
        var twice = text.Replace("\"employment\": \"pns\", \"tier\"", "\"employment\": \"pns\", \"employment\": \"ptt\", \"tier\"");
        var duplicate = FactsLoader.Load("odd.facts.json", twice, rules);
        duplicate.Facts.Should().BeNull();
        duplicate.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCatalog.DuplicateKey.Code);
    }

    [Fact]
    public void A_file_read_as_bytes_loads_as_its_text_does_with_or_without_bom_and_reports_bad_utf8()
    {
        var rules = Engine.Link().Vocabulary;
        var text = WorkPolicy.Generation.FactsGenerator.Generate(200, 8, json: true).Replace("\"pns\"", "\"pnss\"");
        var fromText = FactsLoader.Load("g.facts.json", text, rules);
        fromText.Diagnostics.Should().NotBeEmpty();
        foreach (var bytes in new[] { System.Text.Encoding.UTF8.GetBytes(text), [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(text)] })
        {
            var fromBytes = FactsLoader.Load("g.facts.json", bytes, rules);
            fromBytes.Diagnostics.Should().Equal(fromText.Diagnostics);
            fromBytes.Facts.Should().BeEquivalentTo(fromText.Facts, o => o.RespectingRuntimeTypes().WithStrictOrdering());
        }
        byte[] broken = [.. "{\n  \"units\": [ { \"id\": \"u\xe9\""u8, 0xFF, .. "\" } ]\n}\n"u8];
        var bad = FactsLoader.Load("bad.facts.json", broken, rules).Diagnostics.Should().ContainSingle().Subject;
        bad.Code.Should().Be(DiagnosticCatalog.BadEncoding.Code);
        bad.Span.Line.Should().Be(2);
    }
}
