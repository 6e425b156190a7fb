using System.Text.Json;
using WorkPolicy.Parsing;
using WorkPolicy.Printing;
using WorkPolicy.Ast;
using WorkPolicy.Evaluation;

namespace WorkPolicy.Output;

/// <summary>Writes decisions in the JSON shape of decisions.md: <c>{ "decisions": [ ... ] }</c>.</summary>
internal static class DecisionJson
{
    private const int FlushAt = 1 << 16;

    /// <summary>Writes all decisions to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, IEnumerable<Decision> decisions, IReadOnlyList<TraceEntry>? trace = null)
    {
        if (trace is null)
        {
            DecisionTemplates.Write(stream, decisions);
            return;
        }
        WritePlain(stream, decisions, trace);
    }

    /// <summary>The reference writer: every decision through <see cref="Utf8JsonWriter"/>. <see cref="DecisionTemplates"/> writes the same bytes.</summary>
    internal static void WritePlain(Stream stream, IEnumerable<Decision> decisions, IReadOnlyList<TraceEntry>? trace = null, Action<Utf8JsonWriter>? more = null)
    {
        using var w = new Utf8JsonWriter(stream, JsonText.Options);
        w.WriteStartObject();
        w.WriteStartArray("decisions");
        foreach (var d in decisions)
        {
            WriteDecision(w, d);
            // The writer buffers everything until flushed; flushing as it goes keeps a large output streaming.
            if (w.BytesPending > FlushAt) w.Flush();
        }
        w.WriteEndArray();
        if (trace is not null) WriteTrace(w, trace);
        more?.Invoke(w);
        w.WriteEndObject();
    }

    /// <summary>The <c>trace</c> array: circular, provision (when one), outcome and reason of each step.</summary>
    internal static void WriteTrace(Utf8JsonWriter w, IEnumerable<TraceEntry> trace)
    {
        w.WriteStartArray("trace");
        foreach (var t in trace)
        {
            w.WriteStartObject();
            w.WriteString("circular", t.Circular);
            if (t.Provision is { } p) w.WriteString("provision", p);
            w.WriteString("outcome", t.Outcome);
            w.WriteString("reason", t.Reason);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>One decision object.</summary>
    internal static void WriteDecision(Utf8JsonWriter w, Decision d)
    {
        w.WriteStartObject();
        w.WriteString("employee", d.Employee);
        w.WriteString("date", Values.Text(d.Date));
        w.WriteString("mode", d.Mode.Word());
        if (d.Reason is { } reason) w.WriteString("reason", reason.Word());
        w.WriteStartArray("circulars");
        foreach (var c in d.Circulars) w.WriteStringValue(c);
        w.WriteEndArray();
        WriteProvisions(w, d.Provisions);
        w.WriteStartArray("obligations");
        foreach (var o in d.Obligations) WriteObligation(w, o);
        w.WriteEndArray();
        WritePool(w, d.Pool);
        w.WriteStartArray("unknown");
        foreach (var u in d.Unknown) w.WriteStringValue(u);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The <c>pool</c> property: group, unit and the whole quota, or null.</summary>
    public static void WritePool(Utf8JsonWriter w, PoolAssignment? pool)
    {
        if (pool is null)
        {
            w.WriteNull("pool");
            return;
        }
        w.WriteStartObject("pool");
        w.WriteString("group", pool.Group);
        w.WriteString("unit", pool.Unit);
        w.WriteStartObject("quota");
        w.WriteString("place", pool.Place == QuotaPlace.Office ? "office" : "home");
        w.WriteString("bound", BoundWord(pool.Bound));
        w.WriteNumber("percent", pool.Percent);
        // Written only when stated, so a decision without them reads as it always did.
        if (pool.PercentHigh is { } high) w.WriteNumber("percent_high", high);
        w.WriteString("rounding", DslPrinter.RoundingWord(pool.Rounding));
        if (pool.MinPersons > 0) w.WriteNumber("min_persons", pool.MinPersons);
        if (pool.NoConsecutiveOffice) w.WriteBoolean("no_consecutive_office_days", true);
        if (pool.CycleOffice is { } office && pool.CycleHome is { } home)
        {
            w.WriteStartObject("cycle");
            w.WriteNumber("office", office);
            w.WriteNumber("home", home);
            if (pool.GroupBy is { } by) w.WriteString("groups_by", by);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>A bound as the language writes it: <c>exactly</c>, <c>at-most</c>, <c>at-least</c>, <c>between</c>.</summary>
    public static string BoundWord(ShareBound bound) => bound switch
    {
        ShareBound.AtMost => "at-most",
        ShareBound.AtLeast => "at-least",
        ShareBound.Between => "between",
        _ => "exactly",
    };

    /// <summary>The <c>provisions</c> array: id, circular and cite of each.</summary>
    public static void WriteProvisions(Utf8JsonWriter w, IEnumerable<ProvisionRef> provisions)
    {
        w.WriteStartArray("provisions");
        foreach (var p in provisions)
        {
            w.WriteStartObject();
            w.WriteString("id", p.Id);
            w.WriteString("circular", p.Circular);
            w.WriteString("cite", p.Cite);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteObligation(Utf8JsonWriter w, ObligationResult o)
    {
        w.WriteStartObject();
        w.WriteString("kind", o.Kind);
        foreach (var p in o.Properties)
        {
            switch (p.Value)
            {
                case TextValue t: w.WriteString(p.Key, t.Text); break;
                case CodeValue c: w.WriteString(p.Key, c.Code); break;
                case CodeListValue l:
                    w.WriteStartArray(p.Key);
                    foreach (var c in l.Codes) w.WriteStringValue(c);
                    w.WriteEndArray();
                    break;
                case NumberValue n: w.WriteNumber(p.Key, n.Value); break;
                // A share stays a share (docs/decisions.md): "25%", never the count 25.
                case PercentValue pc: w.WriteString(p.Key, Values.Text(pc.Value) + "%"); break;
                case DurationValue du: w.WriteString(p.Key, $"{du.Amount}{du.Unit}"); break;
            }
        }
        w.WriteString("zone", o.Zone);
        if (o.Windows is { } windows)
        {
            w.WriteStartArray("windows");
            foreach (var win in windows)
            {
                w.WriteStartObject();
                w.WriteString("from", Values.Text(win.From));
                w.WriteString("to", Values.Text(win.To));
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteString("circular", o.Circular);
        w.WriteString("provision", o.Provision);
        if (o.Pending) w.WriteBoolean("pending", true);
        w.WriteEndObject();
    }
}
