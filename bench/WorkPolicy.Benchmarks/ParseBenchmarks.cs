using BenchmarkDotNet.Attributes;
using WorkPolicy.Parsing;
using WorkPolicy.Yaml;

namespace WorkPolicy.Benchmarks;

/// <summary>
/// Parse throughput of the sample circulars in each encoding. Bytes per operation are printed at
/// setup; MB/s = bytes / mean time.
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private (string Path, string Text)[] _dsl = [];
    private (string Path, string Text)[] _yaml = [];

    [GlobalSetup]
    public void Setup()
    {
        _dsl = [.. Directory.EnumerateFiles(Population.Samples, "*.wp").Order().Select(p => (p, File.ReadAllText(p)))];
        _yaml = [.. Directory.EnumerateFiles(Path.Combine(Population.Samples, "yaml"), "*.yaml").Order().Select(p => (p, File.ReadAllText(p)))];
        Console.WriteLine($"// bytes per operation: DSL {_dsl.Sum(f => f.Text.Length)}, YAML {_yaml.Sum(f => f.Text.Length)}");
    }

    [Benchmark(Description = "DSL, all samples")]
    public int Dsl() => _dsl.Sum(f => DslParser.Parse(f.Path, f.Text).File.Circulars.Length);

    [Benchmark(Description = "YAML, all samples")]
    public int Yaml() => _yaml.Sum(f => YamlRuleLoader.Load(f.Path, f.Text).File.Circulars.Length);
}
