using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Dsl.Facts;
using WorkPolicy.Dsl.Loading;
using WorkPolicy.Rules.Evaluation;
using WorkPolicy.Rules.Facts;

namespace WorkPolicy;

/// <summary>
/// The entry point: rules loaded and checked once, then decisions for employees of facts files.
/// Immutable and safe to share across threads.
/// </summary>
/// <example>
/// <code>
/// var engine = PolicyEngine.Load("samples/circulars").Value!;
/// var facts = engine.LoadFacts("staff.facts.yaml").Value!;
/// var decision = engine.Decide(facts, "e-001", new LocalDate(2021, 7, 30));
/// </code>
/// </example>
public sealed class PolicyEngine
{
    internal PolicyEngine(CompiledRules rules) => Rules = rules;

    internal CompiledRules Rules { get; }

    /// <summary>The ids of the circulars loaded (an amended circular once, its amendments not), in order of precedence.</summary>
    public IReadOnlyList<string> Circulars => [.. Rules.Circulars.Select(c => c.Model.Id).Distinct()];

    /// <summary>
    /// Loads rule files (<c>.wp</c>, <c>.yaml</c>) or folders of them, links and compiles them. Files that
    /// declare no vocabulary get the nearest <c>vocabulary.*</c> of their folder or the folders above.
    /// </summary>
    public static Loaded<PolicyEngine> Load(params string[] paths)
    {
        var linked = RuleLoader.LoadRuleSet(paths);
        return new(linked.Model is { } model ? new PolicyEngine(CompiledRules.Compile(model)) : null, linked.Diagnostics);
    }

    /// <summary>Reads a facts file (YAML or JSON) against the rules' vocabulary.</summary>
    public Loaded<PolicyFacts> LoadFacts(string path)
    {
        var diagnostics = new List<Diagnostic>();
        if (SourceText.ReadBytes(path, diagnostics, Limits.MaxFactsBytes) is not { } bytes) return new(null, [.. diagnostics]);
        return Facts(FactsLoader.Load(path, bytes, Rules.Model.Vocabulary));
    }

    /// <summary>Reads facts given as text; <paramref name="name"/> names them in diagnostics.</summary>
    public Loaded<PolicyFacts> ParseFacts(string name, string text) => Facts(FactsLoader.Load(name, text, Rules.Model.Vocabulary));

    private Loaded<PolicyFacts> Facts(FactsResult result) =>
        new(result.HasErrors ? null : new PolicyFacts(this, result.Facts!, new FactIndex(result.Facts!, Rules.Model.Layout)), result.Diagnostics);

    /// <summary>The decision for employee <paramref name="employee"/> of <paramref name="facts"/> on <paramref name="date"/>.</summary>
    /// <exception cref="ArgumentException">The facts were read by another engine, or name no such employee.</exception>
    public Decision Decide(PolicyFacts facts, string employee, LocalDate date) =>
        new Evaluator(Rules, Own(facts).Index).Decide(Row(facts, employee), date);

    /// <summary>The decision for one employee with its trace.</summary>
    /// <exception cref="ArgumentException">The facts were read by another engine, or name no such employee.</exception>
    public Explanation Explain(PolicyFacts facts, string employee, LocalDate date)
    {
        var trace = new List<TraceEntry>();
        var decision = new Evaluator(Rules, Own(facts).Index).Decide(Row(facts, employee), date, trace);
        return new Explanation(decision, [.. trace]);
    }

    /// <summary>
    /// Decisions for every employee of <paramref name="facts"/> on every date from <paramref name="from"/> to
    /// <paramref name="to"/> inclusive, employee by employee (each employee's dates in order), as a stream:
    /// decisions are made a block of employees at a time on all cores and handed out as they are read, so
    /// what is held at once does not grow with the number of employees.
    /// </summary>
    public IEnumerable<Decision> DecideAll(PolicyFacts facts, LocalDate from, LocalDate to)
    {
        Own(facts);
        if (to < from) throw new ArgumentException("the last date is before the first", nameof(to));
        return facts.Batch.DecideAll([.. new DateInterval(from, to)]);
    }

    private PolicyFacts Own(PolicyFacts facts) =>
        ReferenceEquals(facts.Engine, this) ? facts : throw new ArgumentException("these facts were read by another engine; read them with LoadFacts of this one", nameof(facts));

    private static EmployeeRow Row(PolicyFacts facts, string employee) =>
        facts.Index.Row(employee) ?? throw new ArgumentException($"employee '{employee}' is not in {facts.File.Path}", nameof(employee));
}
