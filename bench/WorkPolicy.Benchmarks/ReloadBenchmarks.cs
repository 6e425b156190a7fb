using BenchmarkDotNet.Attributes;

namespace WorkPolicy.Benchmarks;

/// <summary>
/// Loading a national rule set (600 circulars, <see cref="NationalRuleSet"/>) as the service and the language server
/// reload it: after one circular was edited (parsed and searched again, the rest remembered), and unchanged.
/// Goal (issue: build time): a reload after one edit in at most 0.3 s.
/// </summary>
[MemoryDiagnoser]
public class ReloadBenchmarks
{
    private string _folder = "";
    private string _edited = "";
    private string _text = "";
    private int _edits;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "wp-bench-national-600");
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        var files = NationalRuleSet.Write(_folder, regions: 100);
        _edited = files[files.Length / 2];
        _text = File.ReadAllText(_edited);
        if (PolicyEngine.Load(_folder).Value is null) throw new InvalidOperationException("the national rule set does not load");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Description = "reload, one of 600 circulars edited")]
    public PolicyEngine? ReloadAfterOneEdit()
    {
        // A different comment each time: the file's text (and so its syntax) is new on every reload.
        File.WriteAllText(_edited, _text + $"\n# edit {++_edits}\n");
        return PolicyEngine.Load(_folder).Value;
    }

    [Benchmark(Description = "reload, nothing changed")]
    public PolicyEngine? ReloadUnchanged() => PolicyEngine.Load(_folder).Value;
}
