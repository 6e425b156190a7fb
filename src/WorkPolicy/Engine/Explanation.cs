using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Serialization;
using NodaTime;
using WorkPolicy.Parsing;
using WorkPolicy.Output;
using WorkPolicy.Printing;
using WorkPolicy.Analysis;

namespace WorkPolicy;

/// <summary>A change of one fact that gives another decision: <c>unit.kind dinas → puskesmas or rsud</c>.</summary>
/// <param name="Fact">The fact's path, e.g. <c>unit.kind</c>.</param>
/// <param name="From">Its value now (<c>unknown</c> when missing).</param>
/// <param name="To">The values that each give <paramref name="Decision"/>.</param>
/// <param name="Decision">The decision the change gives.</param>
public sealed record WhatIfChange(string Fact, string From, ValueList<string> To, [property: JsonPropertyOrder(1)] Decision Decision)
{
    /// <summary>The mode the change gives (the decision's, written beside it for readers that want only the mode).</summary>
    public WorkMode Mode => Decision.Mode;

    /// <summary>The provisions that decide after the change.</summary>
    public ValueList<ProvisionRef> Provisions => Decision.Provisions;
}

/// <summary>The version of a circular that stands on a date: as issued, or as amended (and perhaps extended).</summary>
/// <param name="Circular">The circular's id.</param>
/// <param name="From">The first day of this version.</param>
/// <param name="To">Its last day, or null when it runs on (until its end condition, or further notice).</param>
/// <param name="AmendedBy">The amendments it includes, oldest first; empty: as issued.</param>
/// <param name="ExtendedBy">The amendment whose period restated its end, or null.</param>
public sealed record CircularVersion([property: JsonPropertyName("id")] string Circular, LocalDate From, LocalDate? To, ValueList<string> AmendedBy, string? ExtendedBy)
{
    /// <summary>E.g. <c>se-23-2021 as amended by se-24-2021, se-25-2021 (from 2021-11-10)</c>.</summary>
    public override string ToString() =>
        $"{Circular}{(AmendedBy.Count == 0 ? " as issued" : " as amended by " + string.Join(", ", AmendedBy))}{(ExtendedBy is { } by ? $", extended by {by}" : "")} (from {From:uuuu-MM-dd}{(To is { } to ? $" to {to:uuuu-MM-dd}" : "")})";
}

/// <summary>A decision with its trace — every circular and provision considered, and why each counted or not — and what would change it.</summary>
/// <example>
/// <code>
/// var why = engine.Explain(facts, "e-001", new LocalDate(2021, 7, 30));
/// Console.WriteLine(why);   // the same text as 'workpolicy explain'
/// </code>
/// </example>
public sealed record Explanation
{
    [JsonConstructor]
    internal Explanation(Decision decision, ValueList<TraceEntry> trace, ValueList<WhatIfChange> whatIf, ValueList<string> settledBy, ValueList<CircularVersion> versions = default)
    {
        Versions = versions;
        Decision = decision;
        Trace = trace;
        WhatIf = whatIf;
        SettledBy = settledBy;
    }

    /// <summary>The revision of the rules that explained it (<see cref="PolicyEngine.Revision"/>).</summary>
    [JsonPropertyOrder(-1)]
    public string? Revision { get; init; }

    /// <summary>The decision, the same as <see cref="PolicyEngine.Decide"/> gives.</summary>
    public Decision Decision { get; }

    /// <summary>The version of each circular in force that stands on the date (an amended circular names its amendments).</summary>
    [JsonPropertyOrder(1)]
    public ValueList<CircularVersion> Versions { get; }

    /// <summary>What the evaluation considered, in the order it did.</summary>
    public ValueList<TraceEntry> Trace { get; }

    /// <summary>The single fact changes that give another mode.</summary>
    public ValueList<WhatIfChange> WhatIf { get; }

    /// <summary>For an indeterminate decision: the missing facts any one of which, known, would settle it.</summary>
    public ValueList<string> SettledBy { get; }

    /// <summary>Changes of the same fact to the same decision, as one.</summary>
    internal static ImmutableArray<WhatIfChange> Group(ImmutableArray<WhatIf> whatIf) =>
        [.. whatIf.GroupBy(x => (x.Change.Path, x.Change.From, DecisionDiff.Summary(x.Decision)))
            .Select(g => new WhatIfChange(g.Key.Path, g.Key.From, new ValueList<string>([.. g.Select(x => x.Change.To).Distinct()]), g.First().Decision))];

    /// <summary>Writes the explanation as <c>workpolicy explain</c> prints it.</summary>
    public void WriteText(TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        var d = Decision;
        w.WriteLine($"{d.Employee} on {Values.Text(d.Date)} ({d.Date.DayOfWeek}): {d.Mode.Word()}");
        if (d.Circulars.Count > 0) w.WriteLine($"  in force: {string.Join(", ", d.Circulars)}");
        foreach (var p in d.Provisions) w.WriteLine($"  by {p.Circular}/{p.Id} — {p.Cite}");
        if (d.Pool is { } pool) w.WriteLine($"  pool: {pool.Group} of {pool.Unit}, {Values.Text(pool.Percent)}% {(pool.Place == QuotaPlace.Office ? "at the office" : "at home")}, rounding {DslPrinter.RoundingWord(pool.Rounding)}");
        foreach (var o in d.Obligations)
        {
            var details = string.Join(", ", o.Properties.Select(p => $"{p.Key} {DslPrinter.ValueText(p.Value)}"));
            var windows = o.Windows is { } ws ? $" windows {(ws.Count == 0 ? "none today" : string.Join(", ", ws.Select(DslPrinter.WindowText)))} ({o.Zone})" : "";
            w.WriteLine($"  {(o.Pending ? "pending" : "must")}: {o.Kind}{(details.Length > 0 ? " — " + details : "")}{windows}");
        }
        if (d.Unknown.Count > 0) w.WriteLine($"  {(d.Mode == WorkMode.Indeterminate ? "needs facts" : "pending on facts")}: {string.Join(", ", d.Unknown)}");
        w.WriteLine("trace:");
        foreach (var t in Trace)
        {
            var who = t.Provision is null ? t.Circular : $"{t.Circular}/{t.Provision}";
            w.WriteLine($"  [{t.Outcome}] {(who.Length > 0 ? who + ": " : "")}{t.Reason}");
        }
        if (SettledBy.Count > 0) w.WriteLine($"knowing any one of these would settle it: {string.Join(", ", SettledBy)}");
        if (WhatIf.Count == 0)
        {
            w.WriteLine(d.Mode == WorkMode.Indeterminate ? "no single fact set otherwise gives a mode" : $"no single fact set otherwise gives another mode than {d.Mode.Word()}");
            return;
        }
        w.WriteLine("what would change this answer (one fact set otherwise):");
        foreach (var g in WhatIf) w.WriteLine($"  {g.Fact} {g.From} → {string.Join(" or ", g.To)}: {DecisionDiff.Summary(g.Decision)}");
    }

    /// <summary>
    /// Writes the explanation as JSON — <c>{ revision, decision, trace, whatIf, settledBy, versions }</c>, the answer of
    /// <c>workpolicy explain --format json</c> and of the service's <c>POST /v1/explain</c> alike;
    /// <see cref="PolicyJson.Deserialize{T}(string)"/> reads it back equal.
    /// </summary>
    public void WriteJson(Stream stream, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(stream);
        System.Text.Json.JsonSerializer.Serialize(stream, this, PolicyJson.Contract<Explanation>(indented));
    }

    /// <summary>The explanation as <c>workpolicy explain</c> prints it.</summary>
    public override string ToString()
    {
        var w = new StringWriter { NewLine = "\n" };
        WriteText(w);
        return w.ToString();
    }

    /// <summary>Equal when the revision, the decision, the trace, the changes, the settling facts and the versions are.</summary>
    public bool Equals(Explanation? other) =>
        other is not null && Revision == other.Revision && Decision.Equals(other.Decision) && Trace.Equals(other.Trace) && WhatIf.Equals(other.WhatIf) && SettledBy.Equals(other.SettledBy) && Versions.Equals(other.Versions);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Decision, Trace, WhatIf, SettledBy);
}
