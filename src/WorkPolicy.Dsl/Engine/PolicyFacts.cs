using WorkPolicy.Rules.Evaluation;
using WorkPolicy.Rules.Facts;

namespace WorkPolicy;

/// <summary>A facts file read for one <see cref="PolicyEngine"/>: employees, units, calendar, region status and incidents.</summary>
public sealed class PolicyFacts
{
    private BatchEvaluator? _batch;

    internal PolicyFacts(PolicyEngine engine, FactsFile file, FactIndex index)
    {
        Engine = engine;
        File = file;
        Index = index;
    }

    /// <summary>The employees' ids, in file order.</summary>
    public IReadOnlyList<string> Employees => [.. File.Employees.Select(e => e.Id)];

    internal PolicyEngine Engine { get; }

    internal FactsFile File { get; }

    internal FactIndex Index { get; }

    /// <summary>The batch evaluator of these facts, made on first use and kept (it remembers verdicts by key).</summary>
    internal BatchEvaluator Batch => LazyInitializer.EnsureInitialized(ref _batch, () => new BatchEvaluator(Engine.Rules, Index));
}
