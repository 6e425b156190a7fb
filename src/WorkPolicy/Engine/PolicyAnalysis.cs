using NodaTime;
using WorkPolicy.Analysis;
using WorkPolicy.Evaluation;

namespace WorkPolicy;

/// <summary>
/// What rules say beyond one decision (<see cref="PolicyEngine.Analysis"/>): the facts missing from decisions, the
/// checks of rule files (<see cref="Check"/>) and where two rule sets decide differently (<see cref="Compare"/>).
/// </summary>
/// <example>
/// <code>
/// var report = PolicyAnalysis.Check(["samples/circulars"]);
/// var missing = engine.Analysis.MissingFacts(facts, monday, friday);
/// </code>
/// </example>
public sealed partial class PolicyAnalysis
{
    private readonly PolicyEngine _engine;

    internal PolicyAnalysis(PolicyEngine engine) => _engine = engine;

    /// <summary>
    /// Every fact missing from a decision (indeterminate, or with a pending obligation) of <paramref name="facts"/> from <paramref name="from"/> to
    /// <paramref name="to"/>, with how many such decisions knowing it alone would settle and how many need it
    /// (<c>workpolicy eval --missing</c>); <paramref name="employee"/> limits it to one employee.
    /// </summary>
    /// <example><code>foreach (var m in engine.Analysis.MissingFacts(facts, monday, friday).Missing) Console.WriteLine($"{m.Fact}: settles {m.Settles}");</code></example>
    /// <exception cref="ArgumentException"><paramref name="employee"/> is given and not in the facts.</exception>
    public MissingFactsReport MissingFacts(PolicyFacts facts, LocalDate from, LocalDate to, string? employee = null, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var binding = _engine.Bind(facts);
        // One employee asked for by id must be there, as Decide says: "0 of 0" would read as "nothing missing".
        if (employee is not null && !facts.Contains(employee))
            throw new ArgumentException($"employee '{employee}' is not in the facts '{facts.Name}'", nameof(employee));
        var dates = DateRange.Days(from, to);
        var evaluator = binding.Memo;
        var spaces = new Dictionary<string, FactSpace>(StringComparer.Ordinal);
        var counts = new Dictionary<string, (int Settles, int Needed)>(StringComparer.Ordinal);
        var employees = facts.File.Employees.Where(e => employee is null || e.Id == employee).ToList();
        var (indeterminate, pending) = (0, 0);
        var done = 0;
        foreach (var e in employees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = binding.Index.Row(e);
            foreach (var date in dates)
            {
                // Decisions that lack facts: for their mode (indeterminate) or for a pending obligation.
                var d = evaluator.Decide(row, date);
                if (d.Unknown.IsEmpty) continue;
                if (d.Mode == WorkMode.Indeterminate) indeterminate++;
                else pending++;
                var settling = Counterfactuals.Settling(_engine.Rules, facts.File, e, date, d, spaces);
                foreach (var fact in d.Unknown)
                {
                    var (s, n) = counts.GetValueOrDefault(fact);
                    counts[fact] = (s + (settling.Contains(fact) ? 1 : 0), n + 1);
                }
            }
            progress?.Report(++done);
        }
        var ranked = counts.OrderByDescending(c => c.Value.Settles).ThenByDescending(c => c.Value.Needed).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new MissingFact(c.Key, c.Value.Settles, c.Value.Needed));
        return new MissingFactsReport(employees.Count * dates.Length, indeterminate, [.. ranked]) { Pending = pending };
    }

    /// <summary>
    /// Who gets which mode on <paramref name="on"/>, as conditions over the employees' own fields, for the regions,
    /// units and calendar of <paramref name="known"/> (its employees, if any, are not read): the rules evaluated as far
    /// as the known facts go, the rest left as a residual an HR system's database can answer —
    /// <see cref="ResidualDecisions.ToSql"/> (<c>workpolicy query</c>). Warnings (WP0326) name units whose rules read
    /// what a query cannot ask.
    /// </summary>
    /// <example><code>var known = engine.Facts.Load("units.facts.yaml").Value!;
    /// var residual = engine.Analysis.Residual(known, new LocalDate(2021, 7, 30)).Value!;
    /// var query = residual.ToSql(WorkMode.Office, FactsMapping.Load("hr.mapping.yaml").Value!, SqlDialect.PostgreSql).Value!;</code></example>
    /// <exception cref="ArgumentException">The facts were read with another vocabulary.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (checked unit by unit).</exception>
    public Loaded<ResidualDecisions> Residual(PolicyFacts known, LocalDate on, CancellationToken cancellationToken = default)
    {
        _engine.Bind(known);
        var (residual, diagnostics) = Querying.ResidualBuilder.Build(_engine.Rules.Model, known.File, on, cancellationToken);
        return new(residual, diagnostics);
    }
}
