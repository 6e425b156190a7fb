using System.Text;
using WorkPolicy.Parsing;
using WorkPolicy.Ast;

namespace WorkPolicy.Printing;

/// <summary>Prints a rule file in canonical DSL layout (what <c>fmt</c> writes).</summary>
internal static class DslPrinter
{
    /// <summary>The canonical DSL text of <paramref name="file"/>.</summary>
    public static string Print(RuleFile file)
    {
        var w = new StringBuilder();
        var notes = file.Comments;
        var first = true;
        foreach (var v in file.Vocabularies)
        {
            if (!first) w.Append('\n');
            first = false;
            Comment(w, "", notes.Before(v));
            Vocabulary(w, v, notes);
        }
        foreach (var c in file.Circulars)
        {
            if (!first) w.Append('\n');
            first = false;
            Comment(w, "", notes.Before(c));
            Circular(w, c, notes);
        }
        if (!notes.Trailing.IsEmpty && !first) w.Append('\n');
        Comment(w, "", notes.Trailing);
        return w.ToString();
    }

    /// <summary>Comment lines at <paramref name="indent"/>: <c># text</c>, or a bare <c>#</c> for an empty one (both encodings alike).</summary>
    internal static void Comment(StringBuilder w, string indent, IEnumerable<string> lines)
    {
        foreach (var line in lines) w.Append(indent).Append(line.Length == 0 ? "#" : "# ").Append(line).Append('\n');
    }

    private static void Vocabulary(StringBuilder w, VocabularyDecl v, Comments notes)
    {
        w.Append("vocabulary ").Append(v.Id).Append(" {\n");
        foreach (var f in v.Fields)
        {
            Comment(w, "  ", notes.Before(f));
            w.Append("  field ").Append(f.Path).Append(": ").Append(FieldType(f.Kind));
            if (f.Kind is FieldKind.OneOf or FieldKind.SetOf) w.Append(' ').Append(CodeBlock(f.Codes));
            if (f.Default is { } d)
            {
                w.Append(" default ").Append(f.Kind == FieldKind.SetOf ? CodeBlock(d.Select(l => l.Text)) : d.FirstOrDefault()?.Text ?? "");
            }
            if (!f.Rank.IsEmpty) w.Append(" rank ").Append(CodeBlock(f.Rank));
            w.Append('\n');
        }
        foreach (var d in v.Defines)
        {
            Comment(w, "  ", notes.Before(d));
            w.Append("  define ").Append(d.Name).Append(" = ").Append(ExprPrinter.Print(d.Body)).Append('\n');
        }
        foreach (var r in v.Regions)
        {
            Comment(w, "  ", notes.Before(r));
            w.Append("  region ").Append(r.Id).Append(" name ").Append(Quote.Of(r.Name)).Append(" zone ").Append(r.Zone);
            if (r.Attributes.Length > 0) w.Append(" with ").AppendJoin(", ", r.Attributes.Select(a => $"{a.Name} {a.Value.Text}"));
            w.Append('\n');
        }
        Comment(w, "  ", notes.End(v));
        w.Append("}\n");
    }

    /// <summary>The DSL word of a field type.</summary>
    public static string FieldType(FieldKind k) => k switch
    {
        FieldKind.OneOf => "one-of",
        FieldKind.SetOf => "set-of",
        FieldKind.Bool => "bool",
        FieldKind.Date => "date",
        _ => "number",
    };

    private static string CodeBlock(IEnumerable<string> codes)
    {
        var list = codes.ToList();
        return list.Count == 0 ? "{}" : "{ " + string.Join(", ", list) + " }";
    }

    /// <summary>The DSL word of a relation.</summary>
    public static string RelationWord(RelationKind k) => RelationWords.Word(k);

    private static void Circular(StringBuilder w, CircularDecl c, Comments notes)
    {
        w.Append("circular ").Append(c.Id).Append(" {\n");
        w.Append("  number ").Append(c.NumberUnknown ? "unknown" : Quote.Of(c.Number)).Append('\n');
        if (c.Title is { } t) w.Append("  title ").Append(Quote.Of(t)).Append('\n');
        w.Append("  issuer ").Append(Quote.Of(c.Issuer)).Append('\n');
        w.Append("  region ").AppendJoin(", ", c.Regions).Append('\n');
        if (c.Zone is { } z) w.Append("  zone ").Append(z).Append('\n');
        if (c.Issued is { } i) w.Append("  issued ").Append(Values.Text(i)).Append('\n');
        w.Append("  period from ").Append(Values.Text(c.Period.From));
        if (c.Period.To is { } to) w.Append(" to ").Append(Values.Text(to));
        else if (c.Period.FurtherNotice) w.Append(" to further-notice");
        if (c.Period.Until is { } until) w.Append(" until ").Append(ExprPrinter.Print(until));
        w.Append('\n');
        foreach (var r in c.Relations)
        {
            w.Append("  ").Append(RelationWord(r.Kind)).Append(' ').Append(Quote.Of(r.Target));
            if (r.From is { } from) w.Append(" from ").Append(Values.Text(from));
            w.Append('\n');
        }
        if (c.Withdraws.Length > 0) w.Append("  withdraws ").Append(string.Join(", ", c.Withdraws)).Append('\n');
        foreach (var a in c.Accepts) w.Append("  accept ").Append(a.Code).Append(' ').Append(Quote.Of(a.Reason)).Append('\n');
        foreach (var p in c.Provisions)
        {
            w.Append('\n');
            Comment(w, "  ", notes.Before(p));
            Provision(w, p, notes);
        }
        Comment(w, "  ", notes.End(c));
        w.Append("}\n");
    }

    private static void Provision(StringBuilder w, ProvisionDecl p, Comments notes)
    {
        w.Append("  provision ").Append(p.Id).Append(" {\n");
        w.Append("    cite ").Append(Quote.Of(p.Cite.Point)).Append(p.Cite.Summary ? " summary " : " ").Append(Quote.Of(p.Cite.Quote)).Append('\n');
        foreach (var a in p.Ambiguities) w.Append("    ambiguity ").Append(Quote.Of(a)).Append('\n');
        if (p.Defers is { } defers) w.Append("    defers ").Append(Quote.Of(defers)).Append('\n');
        if (p.Scope is { } s) w.Append("    scope ").Append(ExprPrinter.Print(s)).Append('\n');
        if (p.Overrides.Length > 0) w.Append("    overrides ").AppendJoin(", ", p.Overrides).Append('\n');
        if (p.Mode is { } m) w.Append("    mode ").Append(m.Word()).Append('\n');
        if (p.Pool is { } pool) w.Append("    pool ").Append(PoolText(pool)).Append('\n');
        if (p.During.Length > 0) w.Append("    during ").AppendJoin(", ", p.During.Select(d => d.Word())).Append('\n');
        if (p.OnPlace is { } onPlace) w.Append("    during ").Append(onPlace == RosterPlace.Home ? "at-home" : "at-office").Append('\n');
        foreach (var o in p.Obligations)
        {
            Comment(w, "    ", notes.Before(o));
            w.Append("    obligation ").Append(o.Kind).Append(" {\n");
            foreach (var prop in o.Properties) w.Append("      ").Append(prop.Key).Append(' ').Append(ValueText(prop.Value)).Append('\n');
            w.Append("    }\n");
        }
        Comment(w, "    ", notes.End(p));
        w.Append("  }\n");
    }

    /// <summary>A share as the language writes it: <c>25%</c>, <c>at-most 25%</c>, <c>at-least 30%</c>, <c>between 25% and 30%</c>.</summary>
    private static string Share(ShareBound bound, decimal percent, decimal? high) => bound switch
    {
        ShareBound.AtMost => $"at-most {Values.ShareText(percent)}",
        ShareBound.AtLeast => $"at-least {Values.ShareText(percent)}",
        ShareBound.Between => $"between {Values.ShareText(percent)} and {Values.ShareText(high!.Value)}",
        _ => Values.ShareText(percent),
    };

    private static string PoolText(PoolDecl p)
    {
        var head = $"{p.Group} per {(p.Per == PoolPer.TopUnit ? "top-unit" : "unit")} {(p.Place == QuotaPlace.Office ? "office" : "home")}";
        var prefer = p.Prefer is { } pr ? $" prefer {ExprPrinter.Print(pr)}" : "";
        var of = p.Base is { } b ? $" of {ExprPrinter.Print(b)}" : "";
        var minimum = (p.MinPersons > 0 ? $" at-least {p.MinPersons} {(p.MinPersons == 1 ? "person" : "persons")}" : "")
            + (p.Cycle is { } c ? p.GroupBy is { } by ? $" groups {c.Length} by {by}" : $" cycle {c.Office} office {c.Home} home" : "")
            + (p.NoConsecutiveOffice ? " no-consecutive-office-days" : "");
        if (p.Table.IsEmpty) return $"{head} {Share(p.Bound, p.Percent, p.High)}{of} rounding {RoundingWord(p.Rounding)}{minimum}{prefer}";
        var rows = p.Table.Select(r => $"      when {ExprPrinter.Print(r.When)}: {Share(Quotas.BoundOf(r.AtMost, r.AtLeast, r.High), r.Percent, r.High)}\n");
        return $"{head} table{of} rounding {RoundingWord(p.Rounding)}{prefer} {{\n{string.Concat(rows)}    }}";
    }

    /// <summary>The word of a rounding rule.</summary>
    public static string RoundingWord(Rounding r) => r switch
    {
        Rounding.Down => "down",
        Rounding.Up => "up",
        Rounding.Turns => "turns",
        _ => "nearest",
    };

    /// <summary>A property value in DSL syntax.</summary>
    public static string ValueText(PropertyValue v) => v switch
    {
        TextValue t => Quote.Of(t.Text),
        CodeValue c => c.Code,
        CodeListValue l => string.Join(", ", l.Codes),
        NumberValue n => Values.Text(n.Value),
        PercentValue p => Values.Text(p.Value) + "%",
        DurationValue d => $"{d.Amount}{d.Unit}",
        WindowsValue w => DaysText.Of(w.Days) + " " + string.Join(", ", w.Windows.Select(WindowText)),
        _ => "",
    };

    /// <summary><c>07:00-07:30</c>, or <c>08:00</c> for a fixed time.</summary>
    public static string WindowText(TimeWindow t) =>
        t.From == t.To ? Values.Text(t.From) : $"{Values.Text(t.From)}-{Values.Text(t.To)}";
}
