using NodaTime;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using WorkPolicy.Evaluation;
using WorkPolicy.Evaluation.Memo;
using WorkPolicy.Facts;
using WorkPolicy.Model;

namespace WorkPolicy;

/// <summary>
/// Facts read against a vocabulary: employees, units, calendar, region status and incidents. They belong to
/// the vocabulary, not to one engine: any <see cref="PolicyEngine"/> whose rules declare the same vocabulary
/// (a reload of edited circulars, another reading of one) decides on them without reading them again.
/// Immutable and safe to share across threads.
/// </summary>
/// <example>
/// <code>
/// var facts = engine.Facts.Load("staff.facts.yaml").Value!;
/// var reloaded = PolicyEngine.Load("samples/circulars").Value!;   // same vocabulary
/// var decision = reloaded.Decide(facts, "e-001", new LocalDate(2021, 7, 30));
/// </code>
/// </example>
public sealed class PolicyFacts
{
    // One binding per compiled rule set: the facts indexed in its field layout, its batch evaluator and a memo per thread.
    private readonly ConditionalWeakTable<CompiledRules, FactsBinding> _bindings = [];

    internal PolicyFacts(Vocabulary vocabulary, FactsFile file)
    {
        Vocabulary = vocabulary;
        File = file;
        // Copies of the ids made one after another: the facts' own lie one in each employee's record, and an app that asks
        // about each of its staff in turn would fetch each from afar. The index finds rows by these very strings.
        _ids = new(() => [.. file.Employees.Select(e => new string(e.Id))]);
        _idSet = new(() => _ids.Value.ToFrozenSet(StringComparer.Ordinal));
    }

    /// <summary>The name the facts were read under (a path, or the name given with the text).</summary>
    public string Name => File.Path;

    /// <summary>The employees' ids, in the order given.</summary>
    public ValueList<string> Employees => _ids.Value;

    /// <summary>Whether an employee of this id is in the facts.</summary>
    public bool Contains(string employee) => employee is not null && _idSet.Value.Contains(employee);

    // The ids, in order and as a set, made on first use: an app asks for them often, the facts never change.
    private readonly Lazy<ImmutableArray<string>> _ids;
    private readonly Lazy<FrozenSet<string>> _idSet;

    /// <summary>
    /// The facts one decision of <paramref name="employee"/> on <paramref name="date"/> reads, as a facts document of
    /// their own (JSON, docs/facts.md): the employee, their units, the region's status up to the date, the calendar and
    /// the units' incidents. What a decision record keeps, so the decision can be replayed under other rules.
    /// </summary>
    /// <exception cref="ArgumentException">No employee of this id is in the facts.</exception>
    /// <example><c>var json = facts.Excerpt("e-001", new LocalDate(2021, 7, 30));</c></example>
    public string Excerpt(string employee, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(employee);
        var index = _excerpts.Value;
        var e = index.Employee(employee) ?? throw new ArgumentException($"employee '{employee}' is not in the facts", nameof(employee));
        return FactsExcerpt.Of(index, e, date);
    }

    // Employees and units by id, and each top unit's subtree, made on first use: a service records every answer.
    private Lazy<FactsExcerpt.Index>? _excerptIndex;
    private Lazy<FactsExcerpt.Index> _excerpts => _excerptIndex ??= new(() => new FactsExcerpt.Index(File));

    internal Vocabulary Vocabulary { get; }

    internal FactsFile File { get; }

    /// <summary>The facts as the rules of <paramref name="rules"/> read them, made on first use and kept.</summary>
    // TryGetValue first: the factory lambda captures this, and GetValue would allocate it on every call.
    internal FactsBinding For(CompiledRules rules) =>
        TryBound(rules) ?? _bindings.GetValue(rules, r => new FactsBinding(r, new FactIndex(File, r.Model.Layout, _ids.Value)));

    /// <summary>The binding to <paramref name="rules"/> if one was made: its vocabulary was accepted then.</summary>
    internal FactsBinding? TryBound(CompiledRules rules)
    {
        // The last binding asked for answers first: an app decides many times under one set of rules.
        if (_last is { } last && ReferenceEquals(last.Rules, rules)) return last;
        if (!_bindings.TryGetValue(rules, out var bound)) return null;
        _last = bound;
        return bound;
    }

    // A reference read or written whole, so threads may race on it harmlessly (each sees some valid binding).
    private FactsBinding? _last;

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {File.Employees.Length} employee(s), {File.Units.Length} unit(s)";
}

/// <summary>Facts indexed for one compiled rule set, with the evaluators that remember across calls.</summary>
internal sealed class FactsBinding
{
    private BatchEvaluator? _batch;
    private readonly ThreadLocal<MemoizedEvaluator> _memo;

    public FactsBinding(CompiledRules rules, FactIndex index)
    {
        Rules = rules;
        Index = index;
        // The memo layer is not thread-safe: one per thread, each remembering for the calls of its thread.
        _memo = new ThreadLocal<MemoizedEvaluator>(() => new MemoizedEvaluator(new Evaluator(rules, index)));
    }

    public CompiledRules Rules { get; }

    public FactIndex Index { get; }

    /// <summary>The calling thread's memo layer over these facts.</summary>
    public MemoizedEvaluator Memo => _memo.Value!;

    /// <summary>The batch evaluator, made on first use and kept (it remembers verdicts by key).</summary>
    public BatchEvaluator Batch => LazyInitializer.EnsureInitialized(ref _batch, () => new BatchEvaluator(Rules, Index));
}
