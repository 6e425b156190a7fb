namespace WorkPolicy;

/// <summary>A fact missing from indeterminate decisions.</summary>
/// <param name="Fact">The fact's path, e.g. <c>employees[e-7].position</c>.</param>
/// <param name="Settles">How many decisions knowing it alone would settle (their mode, or their pending obligations).</param>
/// <param name="NeededBy">How many decisions need it.</param>
public sealed record MissingFact(string Fact, int Settles, int NeededBy);

/// <summary>A data-collection list (<c>workpolicy eval --missing</c>): every fact a decision lacks — for its mode or for a pending obligation — those that settle most first.</summary>
public sealed record MissingFactsReport : Report
{
    [System.Text.Json.Serialization.JsonConstructor]
    internal MissingFactsReport(int decisions, int indeterminate, ValueList<MissingFact> missing)
    {
        Decisions = decisions;
        Indeterminate = indeterminate;
        Missing = missing;
    }

    /// <summary>How many decisions were made.</summary>
    public int Decisions { get; }

    /// <summary>How many of them are indeterminate.</summary>
    public int Indeterminate { get; }

    /// <summary>How many have a mode but a pending obligation.</summary>
    public int Pending { get; init; }

    /// <summary>The missing facts, ranked: most settled first, then most needed, then by path.</summary>
    public ValueList<MissingFact> Missing { get; }

    /// <inheritdoc/>
    public override void WriteText(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine($"{Indeterminate} of {Decisions} decisions are indeterminate{(Pending > 0 ? $", {Pending} have a pending obligation" : "")}; {Missing.Count} fact(s) missing, those that settle most first");
        if (Missing.Count == 0) return;
        var width = Math.Max("FACT".Length, Missing.Max(r => r.Fact.Length));
        writer.WriteLine($"{"FACT".PadRight(width)}  SETTLES  NEEDED BY");
        foreach (var m in Missing) writer.WriteLine($"{m.Fact.PadRight(width)}  {m.Settles,7}  {m.NeededBy,9}");
    }
}
