using System.Text.Json;
using FluentAssertions;
using NodaTime;
using NodaTime.Text;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>
/// An employee built in code is mapped straight from the app's values when it is the common case, else from nodes that
/// report what is wrong. Both are the loader's reading of the same records: a generated population built in code
/// decides as the same population read from JSON, and with bad values sprinkled in, the same employees are refused
/// with the same codes.
/// </summary>
public class BuiltFactsPathsTests
{
    private static readonly PolicyEngine Engine = PolicyEngine.Load(Repo.Path("samples", "circulars")).Value!;

    [Theory]
    [InlineData(3, false, 400)]
    [InlineData(5, true, 400)]
    // Past 10,000 employees the mapping runs on all cores, a slice each: the same reading.
    [InlineData(7, false, 12_000)]
    [InlineData(8, true, 12_000)]
    public void A_population_built_in_code_is_read_as_its_JSON_is(int seed, bool spoil, int count)
    {
        var json = SyntheticFacts.Generate(count, seed, json: true);
        using var document = JsonDocument.Parse(json);
        var random = new Random(seed);
        var spoiled = new List<string>();
        var builder = new FactsBuilder("hr");
        foreach (var region in document.RootElement.GetProperty("regions").EnumerateObject())
            foreach (var series in region.Value.EnumerateObject())
                foreach (var entry in series.Value.EnumerateArray())
                    builder.RegionStatus(region.Name, series.Name, LocalDatePattern.Iso.Parse(entry.GetProperty("from").GetString()!).Value, Fields(entry, nested: false, "from"));
        foreach (var unit in document.RootElement.GetProperty("units").EnumerateArray())
            builder.Unit(unit.GetProperty("id").GetString()!, unit.GetProperty("region").GetString()!, Fields(unit, nested: false, "id", "region", "parent", "name"),
                parent: unit.TryGetProperty("parent", out var p) ? p.GetString() : null);
        var text = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
        var employees = new List<Dictionary<string, object?>>();
        foreach (var employee in document.RootElement.GetProperty("employees").EnumerateArray())
        {
            var id = employee.GetProperty("id").GetString()!;
            var fields = Fields(employee, nested: random.Next(2) == 0, "id", "unit");
            var row = new Dictionary<string, object?>(fields) { ["id"] = id, ["unit"] = employee.GetProperty("unit").GetString() };
            if (spoil && random.Next(10) == 0)
            {
                // A misspelt code, an unknown key, a number where a code goes, or a unit that does not exist.
                switch (random.Next(4))
                {
                    case 0: fields["position"] = "pelaksanaa"; row["position"] = "pelaksanaa"; break;
                    case 1: fields["positon"] = "pelaksana"; row["positon"] = "pelaksana"; break;
                    case 2: fields["employment"] = 7; row["employment"] = 7; break;
                    default: row["unit"] = "no-such-unit"; break;
                }
                spoiled.Add(id);
            }
            builder.Employee(id, (string)row["unit"]!, fields);
            employees.Add(row);
        }
        // The same records as a JSON file, read by the file's path.
        var file = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["regions"] = text["regions"], ["units"] = text["units"], ["employees"] = employees.Select(Flat).ToList(),
        });
        var read = Engine.Facts.Parse("hr.json", file);
        var built = Engine.Facts.Build(builder, BadRecords.Skip);
        if (!spoil)
        {
            built.Diagnostics.Should().BeEmpty();
            foreach (var id in read.Value!.Employees)
                foreach (var day in new[] { new LocalDate(2021, 7, 30), new LocalDate(2021, 8, 27) })
                    Engine.Decide(built.Value!, id, day).Should().Be(Engine.Decide(read.Value!, id, day), $"{id} on {day}");
            return;
        }
        read.Value.Should().BeNull("a file with bad employees is refused whole");
        spoiled.Should().NotBeEmpty();
        built.Value!.Employees.Should().BeEquivalentTo(employees.Select(e => (string)e["id"]!).Except(spoiled));
        built.Diagnostics.Select(d => d.Code).Should().BeEquivalentTo(read.Diagnostics.Select(d => d.Code), "the same faults found in both");
        // Past 1,000 errors both list the first 1,000 and count the rest in one line naming the whole input.
        built.Diagnostics.Should().OnlyContain(d => d.Span.Path.StartsWith("hr/employees[") || d.Span.Path == "hr");
        built.Diagnostics.Count(d => d.Span.Path == "hr").Should().Be(count > 5_000 ? 1 : 0);
    }

    [Fact]
    public void An_id_repeated_in_another_slice_of_a_large_builder_is_found_as_in_a_file()
    {
        // 12,000 employees are mapped on all cores, a contiguous slice each: the repeat of e-5 near the end and the
        // bad code in the middle lie in other slices than e-5 itself, and are judged in the app's order all the same.
        var builder = new FactsBuilder("hr");
        builder.Unit("u", "kota-palopo", new Dictionary<string, object?> { ["kind"] = "dinas" });
        var rows = new List<Dictionary<string, object?>>();
        for (var i = 0; i < 12_000; i++)
        {
            var (id, position) = (i == 11_000 ? "e-5" : $"e-{i}", i == 6_000 ? "pelaksanaa" : "pelaksana");
            builder.Employee(id, "u", new Dictionary<string, object?> { ["employment"] = "pns", ["position"] = position });
            rows.Add(new() { ["id"] = id, ["unit"] = "u", ["employment"] = "pns", ["position"] = position });
        }
        var file = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["units"] = new[] { new Dictionary<string, object?> { ["id"] = "u", ["region"] = "kota-palopo", ["kind"] = "dinas" } },
            ["employees"] = rows,
        });
        var read = Engine.Facts.Parse("hr.json", file);
        var rejected = Engine.Facts.Build(builder);
        rejected.Value.Should().BeNull();
        rejected.Diagnostics.Select(d => d.Code).Should().Equal(read.Diagnostics.Select(d => d.Code)).And.HaveCount(2).And.Contain("WP0405");
        rejected.Diagnostics.Select(d => d.Span.Path).Should().Equal("hr/employees[e-6000].position", "hr/employees[e-5].id");
        // Skipped, both records of the id go (which of them is right is not known), and the misspelt one.
        var skipped = Engine.Facts.Build(builder, BadRecords.Skip);
        skipped.Value!.Employees.Should().HaveCount(11_997).And.NotContain(["e-5", "e-6000"]);
    }

    [Fact]
    public void Skipping_leaves_out_every_bad_employee_past_the_first_thousand_errors_and_lists_a_thousand()
    {
        // 5,000 bad of 12,000: only the first 1,000 errors are listed, but all 5,000 are left out (a build used to skip
        // the listed ones a round at a time, four rounds, and give no facts at all past 4,000).
        var builder = new FactsBuilder("hr");
        builder.Unit("u", "kota-palopo", new Dictionary<string, object?> { ["kind"] = "dinas" });
        for (var i = 0; i < 12_000; i++)
            builder.Employee($"e-{i}", "u", new Dictionary<string, object?> { ["employment"] = "pns", ["position"] = i % 12 < 5 ? "pelaksanaa" : "pelaksana" });
        var skipped = Engine.Facts.Build(builder, BadRecords.Skip);
        skipped.Value!.Employees.Should().HaveCount(7_000);
        skipped.Diagnostics.Should().HaveCount(1_001);
        skipped.Diagnostics[^1].Message.Should().Contain("4,000 more errors");
    }

    [Theory]
    [InlineData(10)]
    [InlineData(12_000)]
    public void What_an_apps_own_value_throws_reaches_the_app_as_thrown_on_one_core_or_all(int count)
    {
        var builder = new FactsBuilder("hr");
        builder.Unit("u", "kota-palopo", new Dictionary<string, object?> { ["kind"] = "dinas" });
        for (var i = 0; i < count; i++)
            builder.Employee($"e-{i}", "u", new Dictionary<string, object?> { ["employment"] = "pns", ["roles"] = i == count - 1 ? Failing() : new[] { "guru" } });
        // The very exception, not one wrapping it (FluentAssertions' Throw would look inside an AggregateException).
        var thrown = Record.Exception(() => Engine.Facts.Build(builder));
        thrown.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Be("the app's own collection failed");

        static IEnumerable<string> Failing()
        {
            yield return "guru";
            throw new InvalidOperationException("the app's own collection failed");
        }
    }

    /// <summary>Nested JSON fields as dotted keys, or (when <paramref name="nested"/>) as nested dictionaries.</summary>
    private static Dictionary<string, object?> Fields(JsonElement e, bool nested, params string[] skip)
    {
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject())
        {
            if (skip.Contains(p.Name)) continue;
            if (p.Value.ValueKind == JsonValueKind.Object)
            {
                var inner = Fields(p.Value, false);
                if (nested) fields[p.Name] = inner;
                else foreach (var (k, v) in inner) fields[$"{p.Name}.{k}"] = v;
                continue;
            }
            fields[p.Name] = Plain(p.Value);
        }
        return fields;
    }

    private static object? Plain(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => v.GetDecimal(),
        JsonValueKind.Array => v.EnumerateArray().Select(i => i.GetString()).ToArray(),
        _ => null,
    };

    /// <summary>A row as a JSON employee: nested dictionaries and dotted keys both as nested objects.</summary>
    private static Dictionary<string, object?> Flat(Dictionary<string, object?> row)
    {
        var json = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in row)
        {
            var dot = key.IndexOf('.');
            if (dot < 0)
            {
                json[key] = value;
                continue;
            }
            if (json.GetValueOrDefault(key[..dot]) is not Dictionary<string, object?> group) json[key[..dot]] = group = new(StringComparer.Ordinal);
            group[key[(dot + 1)..]] = value;
        }
        return json;
    }
}
