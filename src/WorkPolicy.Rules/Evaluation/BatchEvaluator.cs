using NodaTime;
using WorkPolicy.Rules.Facts;

namespace WorkPolicy.Rules.Evaluation;

/// <summary>
/// Evaluates every employee of a facts file on a date, on one thread or many. Results land at
/// each employee's index, so the order is the same whatever the parallelism; no allocation is
/// made per decision.
/// </summary>
public sealed class BatchEvaluator
{
    private const int ChunkSize = 4096;
    private readonly CompiledRuleSet _rules;
    private readonly FactIndex _facts;
    private readonly Evaluator _single;

    /// <summary>A batch evaluator of <paramref name="rules"/> over <paramref name="facts"/>.</summary>
    public BatchEvaluator(CompiledRuleSet rules, FactIndex facts)
    {
        _rules = rules;
        _facts = facts;
        _single = new Evaluator(rules, facts);
    }

    /// <summary>Verdicts for all employees on <paramref name="date"/> into <paramref name="results"/> (one per employee, in file order).</summary>
    public void Classify(LocalDate date, Span<Verdict> results)
    {
        var rows = _facts.Employees;
        if (results.Length < rows.Length) throw new ArgumentException("results must hold one verdict per employee", nameof(results));
        for (var i = 0; i < rows.Length; i++) results[i] = _single.Classify(rows[i], date);
    }

    /// <summary>The same as <see cref="Classify"/>, spread over up to <paramref name="degree"/> threads (default: all cores).</summary>
    public void ClassifyParallel(LocalDate date, Verdict[] results, int degree = -1)
    {
        var rows = _facts.Employees;
        if (results.Length < rows.Length) throw new ArgumentException("results must hold one verdict per employee", nameof(results));
        var chunks = (rows.Length + ChunkSize - 1) / ChunkSize;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = degree },
            () => new Evaluator(_rules, _facts),
            (chunk, _, evaluator) =>
            {
                var end = Math.Min(rows.Length, (chunk + 1) * ChunkSize);
                for (var i = chunk * ChunkSize; i < end; i++) results[i] = evaluator.Classify(rows[i], date);
                return evaluator;
            },
            _ => { });
    }

    /// <summary>Full decisions for all employees on <paramref name="date"/>, in file order, built in parallel.</summary>
    public Decision[] DecideParallel(LocalDate date, int degree = -1)
    {
        var rows = _facts.Employees;
        var results = new Decision[rows.Length];
        var chunks = (rows.Length + ChunkSize - 1) / ChunkSize;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = degree },
            () => new Evaluator(_rules, _facts),
            (chunk, _, evaluator) =>
            {
                var end = Math.Min(rows.Length, (chunk + 1) * ChunkSize);
                for (var i = chunk * ChunkSize; i < end; i++) results[i] = evaluator.Decide(rows[i], date);
                return evaluator;
            },
            _ => { });
        return results;
    }
}
