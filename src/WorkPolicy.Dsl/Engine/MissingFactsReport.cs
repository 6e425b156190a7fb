namespace WorkPolicy;

/// <summary>A fact missing from indeterminate decisions.</summary>
/// <param name="Fact">The fact's path, e.g. <c>employees[e-7].position</c>.</param>
/// <param name="Settles">How many indeterminate decisions knowing it alone would settle.</param>
/// <param name="NeededBy">How many indeterminate decisions need it.</param>
public sealed record MissingFact(string Fact, int Settles, int NeededBy);

/// <summary>A data-collection list (<c>workpolicy eval --missing</c>): every missing fact, those that settle most first.</summary>
public sealed class MissingFactsReport : Report
{
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

    /// <summary>The missing facts, ranked: most settled first, then most needed, then by path.</summary>
    public ValueList<MissingFact> Missing { get; }

    /// <inheritdoc/>
    public override void WriteText(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine($"{Indeterminate} of {Decisions} decisions are indeterminate; {Missing.Count} fact(s) missing, those that settle most first");
        if (Missing.Count == 0) return;
        var width = Math.Max("FACT".Length, Missing.Max(r => r.Fact.Length));
        writer.WriteLine($"{"FACT".PadRight(width)}  SETTLES  NEEDED BY");
        foreach (var m in Missing) writer.WriteLine($"{m.Fact.PadRight(width)}  {m.Settles,7}  {m.NeededBy,9}");
    }

    /// <inheritdoc/>
    public override void WriteJson(Stream stream) => Dsl.Output.JsonText.WriteTo(stream, w =>
    {
        w.WriteStartObject();
        w.WriteNumber("decisions", Decisions);
        w.WriteNumber("indeterminate", Indeterminate);
        w.WriteStartArray("missing");
        foreach (var m in Missing)
        {
            w.WriteStartObject();
            w.WriteString("fact", m.Fact);
            w.WriteNumber("settles", m.Settles);
            w.WriteNumber("neededBy", m.NeededBy);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });
}
