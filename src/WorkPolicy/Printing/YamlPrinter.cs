using System.Text;
using WorkPolicy.Parsing;
using WorkPolicy.Ast;

namespace WorkPolicy.Printing;

/// <summary>Prints a rule file in canonical YAML layout (what <c>fmt</c> and <c>convert --to yaml</c> write).</summary>
internal static class YamlPrinter
{
    /// <summary>The canonical YAML text of <paramref name="file"/>, for its own place.</summary>
    public static string Print(RuleFile file) => Print(file, SchemaReference.For(file.Path));

    /// <summary>The canonical YAML text of <paramref name="file"/>, naming <paramref name="schema"/> (if any) for editors.</summary>
    public static string Print(RuleFile file, string? schema)
    {
        var w = new StringBuilder();
        if (schema is not null) w.Append("# yaml-language-server: $schema=").Append(schema).Append('\n');
        var notes = file.Comments;
        if (file.Vocabularies.Length > 0)
        {
            w.Append("vocabularies:\n");
            foreach (var v in file.Vocabularies) Vocabulary(w, v, notes);
        }
        if (file.Circulars.Length > 0)
        {
            w.Append("circulars:\n");
            foreach (var c in file.Circulars) Circular(w, c, notes);
        }
        DslPrinter.Comment(w, "", notes.Trailing);
        return w.ToString();
    }

    private static string Flow(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";

    private static void Vocabulary(StringBuilder w, VocabularyDecl v, Comments notes)
    {
        DslPrinter.Comment(w, "  ", notes.Before(v));
        w.Append("  - id: ").Append(v.Id).Append('\n');
        if (v.Fields.Length > 0)
        {
            w.Append("    fields:\n");
            foreach (var f in v.Fields)
            {
                DslPrinter.Comment(w, "      ", notes.Before(f));
                w.Append("      - path: ").Append(f.Path).Append('\n');
                w.Append("        type: ").Append(DslPrinter.FieldType(f.Kind)).Append('\n');
                if (f.Kind is FieldKind.OneOf or FieldKind.SetOf) w.Append("        codes: ").Append(Flow(f.Codes)).Append('\n');
                if (f.Default is { } d)
                    w.Append("        default: ").Append(f.Kind == FieldKind.SetOf ? Flow(d.Select(l => l.Text)) : d.FirstOrDefault()?.Text ?? "").Append('\n');
                if (!f.Rank.IsEmpty) w.Append("        rank: ").Append(Flow(f.Rank)).Append('\n');
            }
        }
        if (v.Defines.Length > 0)
        {
            w.Append("    defines:\n");
            foreach (var d in v.Defines)
            {
                DslPrinter.Comment(w, "      ", notes.Before(d));
                w.Append("      - name: ").Append(d.Name).Append('\n');
                w.Append("        condition: ").Append(Quote.Of(ExprPrinter.Print(d.Body))).Append('\n');
            }
        }
        if (v.Regions.Length > 0)
        {
            w.Append("    regions:\n");
            foreach (var r in v.Regions)
            {
                DslPrinter.Comment(w, "      ", notes.Before(r));
                w.Append("      - id: ").Append(r.Id).Append('\n');
                w.Append("        name: ").Append(Quote.Of(r.Name)).Append('\n');
                w.Append("        zone: ").Append(r.Zone).Append('\n');
                if (r.Attributes.Length > 0)
                    w.Append("        attributes: { ").AppendJoin(", ", r.Attributes.Select(a => $"{a.Name}: {a.Value.Text}")).Append(" }\n");
            }
        }
        DslPrinter.Comment(w, "    ", notes.End(v));
    }

    private static void Circular(StringBuilder w, CircularDecl c, Comments notes)
    {
        DslPrinter.Comment(w, "  ", notes.Before(c));
        w.Append("  - id: ").Append(c.Id).Append('\n');
        w.Append("    number: ").Append(c.NumberUnknown ? "unknown" : Quote.Of(c.Number)).Append('\n');
        if (c.Title is { } t) w.Append("    title: ").Append(Quote.Of(t)).Append('\n');
        w.Append("    issuer: ").Append(Quote.Of(c.Issuer)).Append('\n');
        w.Append("    regions: ").Append(Flow(c.Regions)).Append('\n');
        if (c.Zone is { } z) w.Append("    zone: ").Append(z).Append('\n');
        if (c.Issued is { } i) w.Append("    issued: ").Append(Values.Text(i)).Append('\n');
        w.Append("    period:\n      from: ").Append(Values.Text(c.Period.From)).Append('\n');
        if (c.Period.To is { } to) w.Append("      to: ").Append(Values.Text(to)).Append('\n');
        else if (c.Period.FurtherNotice) w.Append("      to: further-notice\n");
        if (c.Period.Until is { } until) w.Append("      until: ").Append(Quote.Of(ExprPrinter.Print(until))).Append('\n');
        if (c.Relations.Length > 0)
        {
            w.Append("    relations:\n");
            foreach (var r in c.Relations)
            {
                w.Append("      - kind: ").Append(DslPrinter.RelationWord(r.Kind)).Append("\n        target: ").Append(Quote.Of(r.Target)).Append('\n');
                if (r.From is { } from) w.Append("        from: ").Append(Values.Text(from)).Append('\n');
            }
        }
        if (c.Withdraws.Length > 0) w.Append("    withdraws: [").Append(string.Join(", ", c.Withdraws)).Append("]\n");
        if (c.Accepts.Length > 0)
        {
            w.Append("    accept:\n");
            foreach (var a in c.Accepts) w.Append("      - code: ").Append(a.Code).Append("\n        reason: ").Append(Quote.Of(a.Reason)).Append('\n');
        }
        if (c.Provisions.Length > 0)
        {
            w.Append("    provisions:\n");
            foreach (var p in c.Provisions) Provision(w, p, notes);
        }
        DslPrinter.Comment(w, "    ", notes.End(c));
    }

    private static void Provision(StringBuilder w, ProvisionDecl p, Comments notes)
    {
        DslPrinter.Comment(w, "      ", notes.Before(p));
        w.Append("      - id: ").Append(p.Id).Append('\n');
        w.Append("        cite:\n          point: ").Append(Quote.Of(p.Cite.Point)).Append(p.Cite.Summary ? "\n          summary: " : "\n          quote: ").Append(Quote.Of(p.Cite.Quote)).Append('\n');
        if (p.Ambiguities.Length > 0)
        {
            w.Append("        ambiguities:\n");
            foreach (var a in p.Ambiguities) w.Append("          - ").Append(Quote.Of(a)).Append('\n');
        }
        if (p.Defers is { } defers) w.Append("        defers: ").Append(Quote.Of(defers)).Append('\n');
        if (p.Scope is { } s) w.Append("        scope: ").Append(Quote.Of(ExprPrinter.Print(s))).Append('\n');
        if (p.Overrides.Length > 0) w.Append("        overrides: ").Append(Flow(p.Overrides)).Append('\n');
        if (p.Mode is { } m) w.Append("        mode: ").Append(m.Word()).Append('\n');
        if (p.Pool is { } pool)
        {
            w.Append("        pool:\n");
            w.Append("          group: ").Append(pool.Group).Append('\n');
            w.Append("          per: ").Append(pool.Per == PoolPer.TopUnit ? "top-unit" : "unit").Append('\n');
            w.Append("          place: ").Append(pool.Place == QuotaPlace.Office ? "office" : "home").Append('\n');
            if (pool.Table.IsEmpty)
            {
                if (pool.Bound != ShareBound.Exactly) w.Append("          bound: ").Append(Output.DecisionJson.BoundWord(pool.Bound)).Append('\n');
                w.Append("          percent: ").Append(YamlShare(pool.Percent)).Append('\n');
                if (pool.High is { } high) w.Append("          percent_high: ").Append(YamlShare(high)).Append('\n');
            }
            if (pool.Base is { } quotaBase) w.Append("          base: ").Append(Quote.Of(ExprPrinter.Print(quotaBase))).Append('\n');
            w.Append("          rounding: ").Append(DslPrinter.RoundingWord(pool.Rounding)).Append('\n');
            if (pool.MinPersons > 0) w.Append("          min_persons: ").Append(pool.MinPersons).Append('\n');
            if (pool.Cycle is { } cycle && pool.GroupBy is { } by) w.Append("          groups: { count: ").Append(cycle.Length).Append(", by: ").Append(by).Append(" }\n");
            else if (pool.Cycle is { } cycle2) w.Append("          cycle: { office: ").Append(cycle2.Office).Append(", home: ").Append(cycle2.Home).Append(" }\n");
            if (pool.NoConsecutiveOffice) w.Append("          no_consecutive_office_days: true\n");
            if (pool.Prefer is { } prefer) w.Append("          prefer: ").Append(Quote.Of(ExprPrinter.Print(prefer))).Append('\n');
            if (!pool.Table.IsEmpty)
            {
                w.Append("          table:\n");
                foreach (var row in pool.Table)
                {
                    w.Append("            - when: ").Append(Quote.Of(ExprPrinter.Print(row.When))).Append('\n');
                    w.Append("              percent: ").Append(YamlShare(row.Percent)).Append('\n');
                    if (Quotas.BoundOf(row.AtMost, row.AtLeast, row.High) is var rb && rb != ShareBound.Exactly) w.Append("              bound: ").Append(Output.DecisionJson.BoundWord(rb)).Append('\n');
                    if (row.High is { } rowHigh) w.Append("              percent_high: ").Append(YamlShare(rowHigh)).Append('\n');
                }
            }
        }
        if (p.During.Length > 0) w.Append("        during: ").Append(Flow(p.During.Select(d => d.Word()))).Append('\n');
        if (p.OnPlace is { } onPlace) w.Append("        during: ").Append(onPlace == RosterPlace.Home ? "at-home" : "at-office").Append('\n');
        if (p.Obligations.Length > 0)
        {
            w.Append("        obligations:\n");
            foreach (var o in p.Obligations)
            {
                DslPrinter.Comment(w, "          ", notes.Before(o));
                Obligation(w, o);
            }
        }
        DslPrinter.Comment(w, "        ", notes.End(p));
    }

    private static void Obligation(StringBuilder w, ObligationDecl o)
    {
        w.Append("          - kind: ").Append(o.Kind).Append('\n');
        var windowsDone = false;
        foreach (var prop in o.Properties)
        {
            if (prop.Value is WindowsValue)
            {
                if (windowsDone) continue;
                windowsDone = true;
                w.Append("            windows:\n");
                foreach (var wv in o.Properties.Select(x => x.Value).OfType<WindowsValue>())
                {
                    w.Append("              - days: ").Append(Quote.Of(DaysText.Of(wv.Days))).Append('\n');
                    w.Append("                times: ").Append(Flow(wv.Windows.Select(t => Quote.Of(DslPrinter.WindowText(t))))).Append('\n');
                }
                continue;
            }
            w.Append("            ").Append(prop.Key).Append(": ").Append(prop.Value switch
            {
                CodeListValue l => Flow(l.Codes),
                var v => DslPrinter.ValueText(v),
            }).Append('\n');
        }
    }

    /// <summary>A share as YAML writes it: the number of percent, or the fraction it came from (<c>1/3</c>), whole.</summary>
    private static string YamlShare(decimal percent) => Values.ShareText(percent) is var text && text.EndsWith('%') ? text[..^1] : Values.ShareText(percent);
}
