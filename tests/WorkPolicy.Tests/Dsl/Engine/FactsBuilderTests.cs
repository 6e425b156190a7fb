using FluentAssertions;
using NodaTime;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>Facts built from an application's own objects: checked as a facts file is, diagnostics naming the record and field.</summary>
public class FactsBuilderTests
{
    private static readonly LocalDate Fri = new(2021, 7, 30);

    private static PolicyEngine Samples() => PolicyEngine.Load(Repo.Path("samples", "circulars")).Value!;

    private static FactsBuilder Palopo(string position = "pelaksana") => new FactsBuilder("hr")
        .RegionStatus("kota-palopo", "ppkm", new LocalDate(2021, 7, 26), new() { ["level"] = 4 })
        .Unit("disdik-plp", "kota-palopo", new() { ["kind"] = "dinas", ["agency"] = "disdik" })
        .Employee("e-001", "disdik-plp", new() { ["employment"] = "pns", ["position"] = "pelaksana", ["it_capable"] = true })
        .Employee("e-002", "disdik-plp", new() { ["employment"] = "pns", ["position"] = position, ["roles"] = new[] { "guru" } });

    [Fact]
    public void Built_facts_decide_as_the_same_facts_read_from_text()
    {
        var engine = Samples();
        var built = engine.Facts.Build(Palopo());
        built.Diagnostics.Should().BeEmpty();
        var text = engine.Facts.Parse("hr.yaml", """
            regions: { kota-palopo: { ppkm: [ { from: 2021-07-26, level: 4 } ] } }
            units: [ { id: disdik-plp, region: kota-palopo, kind: dinas, agency: disdik } ]
            employees:
              - { id: e-001, unit: disdik-plp, employment: pns, position: pelaksana, it_capable: true }
              - { id: e-002, unit: disdik-plp, employment: pns, position: pelaksana, roles: [guru] }
            """).Value!;
        foreach (var id in new[] { "e-001", "e-002" }) engine.Decide(built.Value!, id, Fri).Should().Be(engine.Decide(text, id, Fri));
        engine.Decide(built.Value!, "e-001", Fri).Mode.Should().Be(WorkMode.Rotation);
    }

    [Fact]
    public void A_bad_code_names_the_employee_and_field_and_the_caller_chooses_reject_or_skip()
    {
        var engine = Samples();
        var rejected = engine.Facts.Build(Palopo(position: "pelaksna"));
        rejected.Value.Should().BeNull();
        var d = rejected.Diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be("WP0304");
        d.Span.Path.Should().Be("hr/employees[e-002].position");
        d.Message.Should().Contain("did you mean").And.Contain("pelaksana");
        var skipped = engine.Facts.Build(Palopo(position: "pelaksna"), BadRecords.Skip);
        skipped.Value!.Employees.Should().Equal("e-001");
        skipped.Diagnostics.Should().ContainSingle(x => x.Span.Path == "hr/employees[e-002].position");
    }

    [Theory]
    [InlineData(1e300)]
    [InlineData(double.MaxValue)]
    [InlineData(-8e28)]
    [InlineData(float.MaxValue)]
    public void A_number_past_what_a_fact_holds_is_a_diagnostic_not_an_exception(double value)
    {
        var engine = Samples();
        var builder = new FactsBuilder("hr")
            .Unit("disdik-plp", "kota-palopo", new() { ["kind"] = "dinas" })
            .Employee("e-001", "disdik-plp", new() { ["employment"] = "pns", ["tier"] = value });
        var built = engine.Facts.Build(builder);
        built.Value.Should().BeNull();
        built.Diagnostics.Should().ContainSingle().Which.Span.Path.Should().Be("hr/employees[e-001].tier");
    }

    [Theory]
    [InlineData(7.9e28)]
    [InlineData(1e-300)]
    [InlineData(-12.5)]
    public void A_number_within_what_a_fact_holds_is_read(double value)
    {
        var builder = new FactsBuilder("hr")
            .Unit("disdik-plp", "kota-palopo", new() { ["kind"] = "dinas" })
            .Employee("e-001", "disdik-plp", new() { ["employment"] = "pns", ["tier"] = value });
        Samples().Facts.Build(builder).Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void A_duplicate_id_and_a_unit_in_no_region_are_diagnostics()
    {
        var engine = Samples();
        var duplicate = engine.Facts.Build(Palopo().Employee("e-001", "disdik-plp"));
        duplicate.Value.Should().BeNull();
        duplicate.Diagnostics.Should().Contain(x => x.Span.Path.StartsWith("hr/employees[e-001]") && x.Severity == Severity.Error);
        var nowhere = engine.Facts.Build(Palopo().Unit("u-x", "atlantis").Employee("e-9", "u-x"), BadRecords.Skip);
        nowhere.Diagnostics.Should().Contain(x => x.Span.Path.StartsWith("hr/units[u-x]") && x.Severity == Severity.Error);
        nowhere.Value!.Employees.Should().Equal("e-001", "e-002");
    }
    [Fact]
    public void A_json_document_is_read_by_the_facts_loader_with_diagnostics_named_by_record_and_field()
    {
        var engine = Samples();
        using var good = System.Text.Json.JsonDocument.Parse("""
            { "units": [ { "id": "u", "region": "kota-palopo", "kind": "dinas" } ],
              "employees": [ { "id": "x", "unit": "u", "employment": "pns", "position": "pelaksana" } ] }
            """);
        var read = engine.Facts.Read("request", good.RootElement);
        read.Diagnostics.Should().BeEmpty();
        engine.Decide(read.Value!, "x", Fri).Should().Be(engine.Decide(engine.Facts.Parse("f", good.RootElement.GetRawText()).Value!, "x", Fri));
        using var bad = System.Text.Json.JsonDocument.Parse("""
            { "calendar": { "workweek": ["mon", "fridy"] },
              "regions": { "kota-palopo": { "ppkm": [ { "from": "2021-07-26", "levle": 4 } ] } },
              "units": [ { "id": "u", "region": "kota-palopo", "kind": "dinass" } ],
              "employees": [ { "id": "x", "unit": "u", "position": "pelaksanaa" }, { "unit": "u" } ],
              "checkins": [ { "employee": "y", "at": "2021-07-30T07:00:00+08:00" } ] }
            """);
        var refused = engine.Facts.Read("request", bad.RootElement);
        refused.Value.Should().BeNull();
        refused.Diagnostics.Select(d => d.Span.Path).Should().BeEquivalentTo(
            "request/calendar.workweek[#2]", "request/regions.kota-palopo.ppkm[2021-07-26].levle", "request/units[u].kind",
            "request/employees[x].position", "request/employees[#2]", "request/checkins[y@2021-07-30T07:00:00+08:00].employee");
    }

    [Fact]
    public void Nested_fields_are_given_as_nested_values_or_dotted_keys_alike()
    {
        var engine = PolicyEngine.Load(Repo.Path("samples", "circulars")).Value!;
        Dictionary<string, object?> Fields(bool dotted) => dotted
            ? new() { ["employment"] = "pns", ["position"] = "pelaksana", ["health.healthy"] = false, ["health.chronic"] = new[] { "asma" } }
            : new() { ["employment"] = "pns", ["position"] = "pelaksana", ["health"] = new Dictionary<string, object?> { ["healthy"] = false, ["chronic"] = new[] { "asma" } } };
        FactsBuilder Built(bool dotted) => new FactsBuilder("hr")
            .RegionStatus("kota-palopo", "ppkm", new LocalDate(2021, 7, 26), new() { ["level"] = 4 })
            .Unit("disdik-plp", "kota-palopo", new() { ["kind"] = "dinas", ["agency"] = "disdik" })
            .Employee("e-001", "disdik-plp", Fields(dotted));
        var dotted = engine.Facts.Build(Built(dotted: true));
        var whole = engine.Facts.Build(Built(dotted: false));
        dotted.Diagnostics.Should().BeEmpty();
        whole.Diagnostics.Should().BeEmpty();
        engine.Decide(whole.Value!, "e-001", Fri).Should().Be(engine.Decide(dotted.Value!, "e-001", Fri));
        var misspelt = engine.Facts.Build(new FactsBuilder("hr").Unit("u", "kota-palopo", new() { ["kind"] = "dinas" })
            .Employee("e-1", "u", new() { ["health"] = new Dictionary<string, object?> { ["healthyy"] = true } }));
        misspelt.Diagnostics.Should().Contain(d => d.Span.Path.StartsWith("hr/employees[e-1].health") && d.Severity == Severity.Error);
    }

    [Fact]
    public void An_empty_builder_is_WP0006_and_a_null_argument_names_its_parameter()
    {
        var engine = Samples();
        var empty = engine.Facts.Build(new FactsBuilder("hr"));
        empty.Value.Should().BeNull();
        empty.Diagnostics.Should().Contain(d => d.Code == "WP0006" && d.Span.Path == "hr");
        var builder = new FactsBuilder("hr");
        builder.Invoking(b => b.Employee(null!, "u")).Should().Throw<ArgumentNullException>().WithParameterName("id");
        builder.Invoking(b => b.Unit("u", null!)).Should().Throw<ArgumentNullException>().WithParameterName("region");
        builder.Invoking(b => b.Incident("case", null!, Fri)).Should().Throw<ArgumentNullException>().WithParameterName("unit");
    }

    [Fact]
    public void A_document_nesting_past_the_facts_depth_is_WP0102_not_a_stack_overflow()
    {
        var engine = Samples();
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200);
        using var document = System.Text.Json.JsonDocument.Parse(deep, new System.Text.Json.JsonDocumentOptions { MaxDepth = 1000 });
        var read = engine.Facts.Read("request", document.RootElement);
        read.Value.Should().BeNull();
        read.Diagnostics.Should().ContainSingle().Which.Code.Should().Be("WP0102");
    }

    [Fact]
    public void Missing_facts_of_an_unknown_employee_and_a_null_path_are_argument_errors_as_Decide_is()
    {
        var engine = Samples();
        var facts = engine.Facts.Build(Palopo()).Value!;
        engine.Invoking(e => e.Analysis.MissingFacts(facts, Fri, Fri, "e-999")).Should().Throw<ArgumentException>().WithParameterName("employee");
        engine.Invoking(e => e.Decide(facts, "e-999", Fri)).Should().Throw<ArgumentException>().WithParameterName("employee");
        engine.Analysis.MissingFacts(facts, Fri, Fri, "e-001").Should().NotBeNull();
        FluentActions.Invoking(() => PolicyEngine.Load((string)null!)).Should().Throw<ArgumentNullException>().WithParameterName("paths");
    }

    [Fact]
    public void A_request_of_a_huge_id_and_many_fields_is_named_in_short_paths_with_bounded_work()
    {
        // One employee whose id is a megabyte, with 50,000 unknown keys: every diagnostic names it in a short excerpt,
        // and reading it does not build a megabyte path per key.
        var engine = Samples();
        var id = new string('x', 1_000_000);
        var json = new System.Text.StringBuilder("""{"units":[{"id":"u","region":"kota-palopo","kind":"dinas"}],"employees":[{"id":""" + "\"" + id + "\",\"unit\":\"u\"");
        for (var i = 0; i < 50_000; i++) json.Append(",\"k").Append(i).Append("\":1");
        json.Append("}]}");
        using var document = System.Text.Json.JsonDocument.Parse(json.ToString());
        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = engine.Facts.Read("request", document.RootElement);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        read.Value.Should().BeNull();
        read.Diagnostics.Should().NotBeEmpty().And.OnlyContain(d => d.Span.Path.Length < 300);
        read.Diagnostics.Should().Contain(d => d.Span.Path.StartsWith("request/employees[xxxx") && d.Span.Path.Contains("…]"));
        allocated.Should().BeLessThan(400_000_000, "paths are excerpts, not the id once per key");
    }

    [Fact]
    public void A_bad_record_with_an_id_longer_than_a_path_step_is_still_the_one_skipped()
    {
        var engine = Samples();
        var longId = "e-" + new string('7', 400);
        var built = engine.Facts.Build(Palopo().Employee(longId, "disdik-plp", new() { ["employment"] = "pns", ["position"] = "pelaksna" }), BadRecords.Skip);
        built.Value!.Employees.Should().Equal("e-001", "e-002");
        built.Diagnostics.Should().ContainSingle().Which.Span.Path.Should().EndWith("…].position");
    }
}
