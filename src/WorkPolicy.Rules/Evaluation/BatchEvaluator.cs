using NodaTime;
using WorkPolicy.Rules.Facts;

namespace WorkPolicy.Rules.Evaluation;

/// <summary>
/// Evaluates every employee of a facts file on a date, on one thread or many. Results land at
/// each employee's index, so the order is the same whatever the parallelism; no allocation is
/// made per decision. Each worker keeps its evaluator between calls, so what it has learnt (day
/// plans, employee keys, remembered verdicts) serves the next date too. Calls are serialized.
/// </summary>
public sealed class BatchEvaluator
{
    private const int ChunkSize = 4096;
    private readonly CompiledRuleSet _rules;
    private readonly FactIndex _facts;
    private readonly List<Evaluator> _workers = [];
    private readonly object _gate = new();

    /// <summary>A batch evaluator of <paramref name="rules"/> over <paramref name="facts"/>.</summary>
    public BatchEvaluator(CompiledRuleSet rules, FactIndex facts)
    {
        _rules = rules;
        _facts = facts;
    }

    /// <summary>Verdicts for all employees on <paramref name="date"/> into <paramref name="results"/> (one per employee, in file order).</summary>
    public void Classify(LocalDate date, Span<Verdict> results)
    {
        var rows = _facts.Employees;
        if (results.Length < rows.Length) throw new ArgumentException("results must hold one verdict per employee", nameof(results));
        lock (_gate)
        {
            var evaluator = Workers(1)[0];
            for (var i = 0; i < rows.Length; i++) results[i] = evaluator.Classify(rows[i], date);
        }
    }

    /// <summary>The same as <see cref="Classify"/>, spread over up to <paramref name="degree"/> threads (default: all cores).</summary>
    public void ClassifyParallel(LocalDate date, Verdict[] results, int degree = -1)
    {
        var rows = _facts.Employees;
        if (results.Length < rows.Length) throw new ArgumentException("results must hold one verdict per employee", nameof(results));
        ForEachChunk(degree, (evaluator, start, end) =>
        {
            for (var i = start; i < end; i++) results[i] = evaluator.Classify(rows[i], date);
        });
    }

    /// <summary>Full decisions for all employees on <paramref name="date"/>, in file order, built in parallel.</summary>
    public Decision[] DecideParallel(LocalDate date, int degree = -1)
    {
        var rows = _facts.Employees;
        var results = new Decision[rows.Length];
        ForEachChunk(degree, (evaluator, start, end) =>
        {
            for (var i = start; i < end; i++) results[i] = evaluator.Decide(rows[i], date);
        });
        return results;
    }

    /// <summary>Worker w takes chunks w, w + workers, …; each worker owns one evaluator.</summary>
    private void ForEachChunk(int degree, Action<Evaluator, int, int> run)
    {
        var count = _facts.Employees.Length;
        var chunks = (count + ChunkSize - 1) / ChunkSize;
        var workers = Math.Max(1, Math.Min(chunks, degree > 0 ? degree : Environment.ProcessorCount));
        lock (_gate)
        {
            var evaluators = Workers(workers);
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
            {
                for (var chunk = w; chunk < chunks; chunk += workers)
                {
                    run(evaluators[w], chunk * ChunkSize, Math.Min(count, (chunk + 1) * ChunkSize));
                }
            });
        }
    }

    private List<Evaluator> Workers(int count)
    {
        while (_workers.Count < count) _workers.Add(new Evaluator(_rules, _facts));
        return _workers;
    }
}
