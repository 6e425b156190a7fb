using NodaTime;
using WorkPolicy.Evaluation.Memo;
using WorkPolicy.Facts;

namespace WorkPolicy.Evaluation;

/// <summary>
/// Evaluates every employee of a facts file on a date, on one thread or many. Results land at
/// each employee's index, so the order is the same whatever the parallelism; no allocation is
/// made per verdict. Each worker keeps its memoized evaluator between calls, so what it has
/// learnt serves the next date too. Calls are serialized.
/// </summary>
internal sealed class BatchEvaluator
{
    private const int ChunkSize = 4096;
    private readonly CompiledRules _rules;
    private readonly FactIndex _facts;
    private readonly List<MemoizedEvaluator> _workers = [];
    private readonly object _gate = new();

    public BatchEvaluator(CompiledRules rules, FactIndex facts)
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
        ForEachChunk(0, rows.Length, degree, (evaluator, start, end) =>
        {
            for (var i = start; i < end; i++) results[i] = evaluator.Classify(rows[i], date);
        });
    }

    /// <summary>Full decisions for all employees on <paramref name="date"/>, in file order, built in parallel.</summary>
    public Decision[] DecideParallel(LocalDate date, int degree = -1) => DecideParallel(0, _facts.Employees.Length, [date], degree)[0];

    /// <summary>Decisions for employees <paramref name="start"/> to <paramref name="end"/> (exclusive) on each date, built in parallel: one array per date.</summary>
    public Decision[][] DecideParallel(int start, int end, IReadOnlyList<LocalDate> dates, int degree = -1) =>
        Decide(end - start, i => _facts.Employees[start + i], dates, degree);

    /// <summary>
    /// Decisions for <paramref name="employees"/> (not of the indexed facts: employees read from a stream, whose units
    /// the index holds) on each date, built in parallel: one array per date, in the given order.
    /// </summary>
    public Decision[][] Decide(IReadOnlyList<EmployeeFacts> employees, IReadOnlyList<LocalDate> dates, int degree = -1) =>
        Decide(employees.Count, i => _facts.Row(employees[i]), dates, degree);

    /// <summary>Decisions for <paramref name="count"/> rows on each date; a chunk's rows are found once, then decided date by date.</summary>
    private Decision[][] Decide(int count, Func<int, EmployeeRow> row, IReadOnlyList<LocalDate> dates, int degree)
    {
        var results = dates.Select(_ => new Decision[count]).ToArray();
        ForEachChunk(0, count, degree, (evaluator, from, to) =>
        {
            var rows = new EmployeeRow[to - from];
            for (var i = from; i < to; i++) rows[i - from] = row(i);
            for (var d = 0; d < dates.Count; d++)
            {
                for (var i = from; i < to; i++) results[d][i] = evaluator.Decide(rows[i - from], dates[d]);
            }
        });
        return results;
    }

    /// <summary>Employees decided at once by <see cref="DecideAll"/>: what is held at a time.</summary>
    private const int StreamBlock = 16_384;

    /// <summary>
    /// Decisions for every employee on every one of <paramref name="dates"/>, employee by employee (each
    /// employee's dates in order), made a block of employees at a time on all cores and handed out as
    /// they are read; <paramref name="progress"/> hears how many employees are done.
    /// </summary>
    public IEnumerable<Decision> DecideAll(IReadOnlyList<LocalDate> dates, IProgress<int>? progress = null)
    {
        var count = _facts.Employees.Length;
        for (var start = 0; start < count; start += StreamBlock)
        {
            var end = Math.Min(count, start + StreamBlock);
            var perDate = DecideParallel(start, end, dates);
            for (var e = 0; e < end - start; e++)
            {
                foreach (var day in perDate) yield return day[e];
            }
            progress?.Report(end);
        }
    }

    /// <summary>Worker w takes chunks w, w + workers, …; each worker owns one evaluator.</summary>
    private void ForEachChunk(int start, int end, int degree, Action<MemoizedEvaluator, int, int> run)
    {
        var count = end - start;
        var chunks = (count + ChunkSize - 1) / ChunkSize;
        var workers = Math.Max(1, Math.Min(chunks, degree > 0 ? degree : Environment.ProcessorCount));
        lock (_gate)
        {
            var evaluators = Workers(workers);
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
            {
                for (var chunk = w; chunk < chunks; chunk += workers)
                {
                    run(evaluators[w], start + chunk * ChunkSize, Math.Min(end, start + (chunk + 1) * ChunkSize));
                }
            });
        }
    }

    private List<MemoizedEvaluator> Workers(int count)
    {
        while (_workers.Count < count) _workers.Add(new MemoizedEvaluator(new Evaluator(_rules, _facts)));
        return _workers;
    }
}
