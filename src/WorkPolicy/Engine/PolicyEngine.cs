using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using NodaTime;
using WorkPolicy.Facts;
using WorkPolicy.Loading;
using WorkPolicy.Analysis;
using WorkPolicy.Checking;
using WorkPolicy.Diagnostics;
using WorkPolicy.Evaluation;

namespace WorkPolicy;

/// <summary>
/// The entry point: rules loaded and checked once, then decisions and explanations for the employees of facts. Its
/// nouns hold the rest: <see cref="Facts"/> reads facts for these rules, <see cref="Rosters"/> plans and checks
/// rosters and attendance, <see cref="Analysis"/> finds missing facts (and checks and compares rule sets). Every job
/// the <c>workpolicy</c> command does is a call here, on those, or on <see cref="AnalystTests"/> and
/// <see cref="RuleFiles"/>. Immutable and safe to share across threads.
/// </summary>
/// <example>
/// <code>
/// var engine = PolicyEngine.Load("samples/circulars").Value!;
/// var facts = engine.Facts.Load("staff.facts.yaml").Value!;
/// var decision = engine.Decide(facts, "e-001", new LocalDate(2021, 7, 30));
/// Console.WriteLine(decision);   // e-001 2021-07-30 rotation by palopo-2021-wfh/p1-rotation …
/// </code>
/// </example>
public sealed partial class PolicyEngine
{
    internal PolicyEngine(CompiledRules rules, string name)
    {
        Rules = rules;
        Name = name;
        Facts = new FactsReader(this);
        Rosters = new Rosters(this);
        Analysis = new PolicyAnalysis(this);
    }

    internal CompiledRules Rules { get; }

    /// <summary>Reads facts against these rules' vocabulary: files, texts, streams, JSON, an app's own records.</summary>
    /// <example><code>var facts = engine.Facts.Load("staff.facts.yaml").Value!;</code></example>
    public FactsReader Facts { get; }

    /// <summary>Plans and checks rosters, and checks attendance, under these rules.</summary>
    /// <example><code>var plan = engine.Rosters.Plan(facts, monday, friday);</code></example>
    public Rosters Rosters { get; }

    /// <summary>Finds the facts missing from decisions under these rules.</summary>
    /// <example><code>var missing = engine.Analysis.MissingFacts(facts, monday, friday);</code></example>
    public PolicyAnalysis Analysis { get; }

    /// <summary>What the rules were loaded from: the paths (or source names) joined with the system's path-list separator.</summary>
    public string Name { get; }

    /// <summary>The ids of the circulars loaded (an amended circular once, its amendments not), in order of precedence.</summary>
    public ValueList<string> Circulars => [.. Rules.Model.Histories.Select(h => h.Id)];

    /// <summary>Every version of the circulars loaded — as issued, as amended (and extended) — with its dates, circular by circular.</summary>
    public ValueList<CircularVersion> Versions =>
        [.. Rules.Model.Histories.SelectMany(h => h.Versions).Select(m => new CircularVersion(m.Id, m.From, m.To, m.AmendedBy, m.ExtendedBy))];

    /// <summary>
    /// Loads rule files (<c>.wp</c>, <c>.yaml</c>) or folders of them, links, compiles and checks them as
    /// <c>workpolicy check</c> does: a conflict with no stated priority (WP0305, or WP0322 between circulars) is an error and no engine is
    /// made. Files that declare no vocabulary get the nearest <c>vocabulary.*</c> of their folder or above.
    /// </summary>
    /// <example><code>var loaded = PolicyEngine.Load("samples/circulars");
    /// foreach (var d in loaded.Diagnostics) Console.Error.WriteLine(d);</code></example>
    /// <exception cref="ArgumentNullException"><paramref name="paths"/> or one of its paths is null.</exception>
    public static Loaded<PolicyEngine> Load(params string[] paths) => Load(paths, LoadOptions.Strict);

    /// <summary>Loads rule files or folders with the given checks (<see cref="LoadOptions.Lenient"/> skips the conflict search).</summary>
    public static Loaded<PolicyEngine> Load(IEnumerable<string> paths, LoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        var list = paths.ToList();
        // A null among the paths is the caller's mistake, not the rules': an argument exception named after the parameter.
        if (list.Any(p => p is null)) throw new ArgumentNullException(nameof(paths), "a path given to Load is null");
        if (list.Count == 0)
            return new(null, [Diagnostic.Create(DiagnosticMessages.NothingToLoad, SourceSpan.None)]);
        return Checked(RuleLoader.LoadRuleSet(list), options, string.Join(Path.PathSeparator, list));
    }

    /// <summary>Loads rule files held in memory (names give the encoding; one of them should declare the vocabulary).</summary>
    /// <example><code>var engine = PolicyEngine.Load([new RuleSource("vocabulary.wp", vocabulary), new RuleSource("palopo.wp", palopo)]);</code></example>
    public static Loaded<PolicyEngine> Load(IEnumerable<RuleSource> sources, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var list = sources.ToList();
        if (list.Count == 0)
            return new(null, [Diagnostic.Create(DiagnosticMessages.NothingToLoadFromSources, SourceSpan.None)]);
        // The loader reads unsaved texts by full path before the disk: the sources are such texts.
        var open = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in list) open[Path.GetFullPath(s.Name)] = s.Text;
        return Checked(RuleLoader.LoadRuleSet(list.Select(s => s.Name), open), options ?? LoadOptions.Strict, string.Join(Path.PathSeparator, list.Select(s => s.Name)));
    }

    private static Loaded<PolicyEngine> Checked(Linked linked, LoadOptions options, string name)
    {
        var diagnostics = linked.Diagnostics;
        if (linked.Files.IsEmpty && diagnostics.IsEmpty)
            diagnostics = [Diagnostic.Create(DiagnosticMessages.NoRuleFilesFound, SourceSpan.None)];
        if (linked.Model is not { } model || diagnostics.Any(d => d.Severity == Severity.Error)) return new(null, diagnostics);
        var precompiled = options.Compiled;
        if (precompiled is not null && Generation.CompiledRulesEmitter.Identity(model) is var identity && identity != precompiled.Identity)
        {
            diagnostics = diagnostics.Add(Diagnostic.Create(DiagnosticMessages.CompiledRulesOfOtherRules, SourceSpan.None, precompiled.GetType().FullName ?? "", precompiled.Identity, identity));
            precompiled = null;
        }
        var rules = CompiledRules.Compile(model, precompiled: precompiled);
        // Conflicts and quota tables are correctness: WP0305 is an error here as in 'check'. Gaps (WP0316) are not
        // searched: a circular may leave staff out on purpose, and 'check' reports them where an analyst reads them.
        if (options.SearchConflicts) diagnostics = diagnostics.AddRange(ConflictChecker.Check(rules));
        return new(diagnostics.Any(d => d.Severity == Severity.Error) ? null : new PolicyEngine(rules, name), diagnostics);
    }

    /// <summary>Whether these rules read <paramref name="facts"/> as they were read: the same vocabulary.</summary>
    public bool Accepts(PolicyFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return VocabularyIdentity.Same(facts.Vocabulary, Rules.Model.Vocabulary);
    }

    /// <summary>The decision for employee <paramref name="employee"/> of <paramref name="facts"/> on <paramref name="date"/>.</summary>
    /// <remarks>Asks the memo layer of the facts: a decision costs what a decision costs, whatever the population.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> or <paramref name="employee"/> is null.</exception>
    /// <exception cref="ArgumentException">The facts were read with another vocabulary, or name no such employee (see <see cref="TryDecide"/>).</exception>
    public Decision Decide(PolicyFacts facts, string employee, LocalDate date)
    {
        var binding = Bind(facts);
        return binding.Memo.Decide(Row(binding, facts, employee), date);
    }

    /// <summary>The decision, or false when the facts name no such employee.</summary>
    /// <example><code>if (!engine.TryDecide(facts, id, today, out var d)) return Results.NotFound();</code></example>
    /// <exception cref="ArgumentException">The facts were read with another vocabulary.</exception>
    public bool TryDecide(PolicyFacts facts, string employee, LocalDate date, [NotNullWhen(true)] out Decision? decision)
    {
        var binding = Bind(facts);
        decision = employee is not null && binding.Index.Row(employee) is { } row ? binding.Memo.Decide(row, date) : null;
        return decision is not null;
    }

    /// <summary>The decision for one employee with its trace, and what would change it.</summary>
    /// <exception cref="ArgumentException">The facts were read with another vocabulary, or name no such employee.</exception>
    public Explanation Explain(PolicyFacts facts, string employee, LocalDate date)
    {
        var binding = Bind(facts);
        var row = Row(binding, facts, employee);
        var trace = new List<TraceEntry>();
        var evaluator = new Evaluator(Rules, binding.Index);
        var decision = evaluator.Decide(row, date, trace);
        var whatIf = Counterfactuals.OtherModes(Rules, facts.File, row.Facts, date, decision);
        var settling = Counterfactuals.Settling(Rules, facts.File, row.Facts, date, decision);
        // The versions in force, as the walk's day context decided them (not worked out again here).
        var day = evaluator.Day(row, date);
        var versions = Enumerable.Range(0, day.Circulars.Length).Where(i => day.InForce[i] == Tri.True).Select(i => day.Circulars[i].Model)
            .Select(m => new CircularVersion(m.Id, m.From, m.To, m.AmendedBy, m.ExtendedBy));
        return new Explanation(decision, [.. trace], Explanation.Group(whatIf), settling, [.. versions]) { Revision = Revision };
    }

    /// <summary>
    /// Decisions for every employee of <paramref name="facts"/> on every date from <paramref name="from"/> to
    /// <paramref name="to"/> inclusive, employee by employee (each employee's dates in order), as a stream:
    /// decisions are made a block of employees at a time on all cores and handed out as they are read, so
    /// what is held at once does not grow with the number of employees. Cancelling stops between blocks
    /// and ends the enumeration with <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The last date is before the first, or the facts were read with another vocabulary.</exception>
    public IEnumerable<Decision> DecideAll(PolicyFacts facts, LocalDate from, LocalDate to, CancellationToken cancellationToken = default, IProgress<int>? progress = null)
    {
        var binding = Bind(facts);
        return Cancellable(binding.Batch.DecideAll(DateRange.Days(from, to), progress), cancellationToken);
    }

    /// <summary>Employees read and decided at a time from a stream: what is held at once.</summary>
    private const int StreamBlock = 16_384;

    /// <summary>
    /// Decisions for every employee of <paramref name="facts"/> on every date from <paramref name="from"/> to
    /// <paramref name="to"/> inclusive, employee by employee (each employee's dates in order), as they are read: a block
    /// of employees is read while the one before it is decided on all cores, then let go. The same decisions
    /// <see cref="DecideAll(PolicyFacts, LocalDate, LocalDate, CancellationToken, IProgress{int}?)"/> makes for the
    /// facts loaded whole, but for the employees with errors, which are left out (see <see cref="FactsStream.Diagnostics"/>).
    /// </summary>
    /// <example><code>using var facts = engine.Facts.Open("national.facts.json").Value!;
    /// PolicyJson.WriteDecisions(output, engine.DecideAll(facts, day, day));
    /// if (facts.HasErrors) foreach (var d in facts.Diagnostics) Console.Error.WriteLine(d);</code></example>
    /// <exception cref="ArgumentException">The last date is before the first, or the facts were read with another vocabulary.</exception>
    /// <exception cref="InvalidOperationException">The stream was read already.</exception>
    public IEnumerable<Decision> DecideAll(FactsStream facts, LocalDate from, LocalDate to, CancellationToken cancellationToken = default, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (!VocabularyIdentity.Same(facts.Vocabulary, Rules.Model.Vocabulary))
            throw new ArgumentException($"the facts '{facts.Name}' were read with another vocabulary than these rules declare; open them with Facts.Open of an engine of this vocabulary", nameof(facts));
        var dates = DateRange.Days(from, to);
        facts.Take();
        return Streamed(facts, dates, cancellationToken, progress);
    }

    /// <summary>Blocks read ahead of the one being decided: reading goes on while decisions are written.</summary>
    private const int BlocksReadAhead = 3;

    private IEnumerable<Decision> Streamed(FactsStream facts, LocalDate[] dates, CancellationToken cancellationToken, IProgress<int>? progress)
    {
        // The units, region status, calendar and incidents, laid out once; each block's rows are laid out as decided.
        var batch = new BatchEvaluator(Rules, new FactIndex(facts.Indexed, Rules.Model.Layout));
        var done = 0;
        using var ahead = new BlocksAhead(() => facts.Next(StreamBlock), BlocksReadAhead);
        for (var block = ahead.Take(); block.Count > 0; block = ahead.Take())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var decided = batch.Decide(block, dates);
            for (var e = 0; e < block.Count; e++)
            {
                foreach (var day in decided) yield return day[e];
            }
            done += block.Count;
            progress?.Report(done);
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static IEnumerable<Decision> Cancellable(IEnumerable<Decision> decisions, CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled) return decisions;
        return Checked();
        IEnumerable<Decision> Checked()
        {
            var n = 0;
            foreach (var d in decisions)
            {
                // A check per decision costs little; every 256 keeps it off the profile.
                if ((++n & 255) == 0) cancellationToken.ThrowIfCancellationRequested();
                yield return d;
            }
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    internal FactsBinding Bind(PolicyFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        // The vocabulary is compared once, when the facts are first bound to these rules; after that the binding answers.
        if (facts.TryBound(Rules) is { } bound) return bound;
        return Accepts(facts) ? facts.For(Rules)
            : throw new ArgumentException($"the facts '{facts.Name}' were read with another vocabulary than these rules declare; read them with Facts.Load of an engine of this vocabulary", nameof(facts));
    }

    private static EmployeeRow Row(FactsBinding binding, PolicyFacts facts, string employee)
    {
        if (employee is null) throw new ArgumentNullException(nameof(employee), "give an employee id");
        return binding.Index.Row(employee) ?? throw new ArgumentException($"employee '{employee}' is not in the facts '{facts.Name}'", nameof(employee));
    }
}
