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
    [InlineData(3, false)]
    [InlineData(5, true)]
    public void A_population_built_in_code_is_read_as_its_JSON_is(int seed, bool spoil)
    {
        var json = SyntheticFacts.Generate(400, seed, json: true);
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
        built.Diagnostics.Should().OnlyContain(d => d.Span.Path.StartsWith("hr/employees["));
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
