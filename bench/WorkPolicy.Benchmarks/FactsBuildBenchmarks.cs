using System.Text.Json;
using BenchmarkDotNet.Attributes;
using NodaTime;
using NodaTime.Text;

namespace WorkPolicy.Benchmarks;

/// <summary>
/// 100,000 employees' facts built in code from an app's own objects (<see cref="FactsBuilder"/>) against the same
/// facts read from JSON, each up to its first decision (so the index is made in both).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class FactsBuildBenchmarks
{
    private PolicyEngine _engine = null!;
    private string _json = null!;
    private List<Action<FactsBuilder>> _records = null!;
    private string _first = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = PolicyEngine.Load(Population.Samples).Value!;
        _json = SyntheticFacts.Generate(100_000, seed: 1, json: true);
        // The app's own objects: the same facts as plain dictionaries, turned into builder calls.
        using var doc = JsonDocument.Parse(_json);
        var root = doc.RootElement;
        _records = [];
        foreach (var region in root.GetProperty("regions").EnumerateObject())
            foreach (var series in region.Value.EnumerateObject())
                foreach (var entry in series.Value.EnumerateArray())
                {
                    var (r, s, from, values) = (region.Name, series.Name, LocalDatePattern.Iso.Parse(entry.GetProperty("from").GetString()!).Value, Fields(entry, "from"));
                    _records.Add(b => b.RegionStatus(r, s, from, values));
                }
        foreach (var unit in root.GetProperty("units").EnumerateArray())
        {
            var (id, region, parent, fields) = (unit.GetProperty("id").GetString()!, unit.GetProperty("region").GetString()!,
                unit.TryGetProperty("parent", out var p) ? p.GetString() : null, Fields(unit, "id", "region", "parent", "name"));
            _records.Add(b => b.Unit(id, region, fields, parent: parent));
        }
        foreach (var employee in root.GetProperty("employees").EnumerateArray())
        {
            var (id, unit, fields) = (employee.GetProperty("id").GetString()!, employee.GetProperty("unit").GetString()!, Fields(employee, "id", "unit"));
            _records.Add(b => b.Employee(id, unit, fields));
        }
        _first = root.GetProperty("employees")[0].GetProperty("id").GetString()!;
        if (!Built().Equals(Read())) throw new InvalidOperationException("built and read facts decide differently");
    }

    private static Dictionary<string, object?> Fields(JsonElement e, params string[] skip)
    {
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        Add(fields, "", e, skip);
        return fields;
    }

    /// <summary>Nested objects (<c>health: { healthy: true }</c>) become dotted keys, as an app's flat record would hold them.</summary>
    private static void Add(Dictionary<string, object?> fields, string prefix, JsonElement e, string[] skip)
    {
        foreach (var p in e.EnumerateObject())
        {
            if (prefix.Length == 0 && skip.Contains(p.Name)) continue;
            if (p.Value.ValueKind == JsonValueKind.Object)
            {
                Add(fields, prefix + p.Name + ".", p.Value, skip);
                continue;
            }
            fields[prefix + p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.Number => p.Value.GetDecimal(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Array => p.Value.EnumerateArray().Select(x => x.GetString()).ToArray(),
                _ => null,
            };
        }
    }

    [Benchmark(Baseline = true, Description = "100k employees read from JSON")]
    public Decision Read() => _engine.Decide(_engine.Facts.Parse("staff.json", _json).Value!, _first, Population.Friday);

    [Benchmark(Description = "100k employees built in code")]
    public Decision Built()
    {
        var builder = new FactsBuilder("hr");
        foreach (var add in _records) add(builder);
        var built = _engine.Facts.Build(builder);
        if (built.Value is null) throw new InvalidOperationException("the builder's facts have errors: " + string.Join("; ", built.Diagnostics.Take(3)));
        return _engine.Decide(built.Value, _first, Population.Friday);
    }

    // The same two without the first decision: what the loading costs apart from laying out the index, common to both.
    [Benchmark(Description = "100k employees read from JSON, loaded only")]
    public PolicyFacts ReadOnly() => _engine.Facts.Parse("staff.json", _json).Value!;

    [Benchmark(Description = "100k employees built in code, loaded only")]
    public PolicyFacts BuiltOnly()
    {
        var builder = new FactsBuilder("hr");
        foreach (var add in _records) add(builder);
        return _engine.Facts.Build(builder).Value!;
    }
}
