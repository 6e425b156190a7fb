using NodaTime;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using WorkPolicy.Parsing;
using WorkPolicy.Loading;
using WorkPolicy.Printing;
using WorkPolicy.Ast;
using WorkPolicy.Diagnostics;

namespace WorkPolicy.Yaml;

/// <summary>Loads the YAML encoding of rule files into the same AST as the DSL.</summary>
internal static partial class YamlRuleLoader
{
    private static readonly string[] RootKeys = ["vocabularies", "circulars"];
    private static readonly string[] VocabularyKeys = ["id", "fields", "defines", "regions"];
    private static readonly string[] FieldKeys = ["path", "type", "codes", "default", "rank"];
    private static readonly string[] DefineKeys = ["name", "condition"];
    private static readonly string[] RegionKeys = ["id", "name", "zone", "attributes"];
    private static readonly string[] CircularKeys = ["id", "number", "title", "issuer", "regions", "zone", "issued", "period", "relations", "withdraws", "accept", "provisions"];
    private static readonly string[] AcceptKeys = ["code", "reason"];
    private static readonly string[] PeriodKeys = ["from", "to", "until"];
    private static readonly string[] RelationKeys = ["kind", "target", "from"];
    private static readonly string[] ProvisionKeys = ["id", "cite", "ambiguities", "defers", "scope", "overrides", "mode", "pool", "during", "obligations"];
    private static readonly string[] CiteKeys = ["point", "quote", "summary"];
    private static readonly string[] PoolKeys = ["group", "per", "place", "bound", "percent", "percent_high", "base", "rounding", "min_persons", "cycle", "groups", "no_consecutive_office_days", "table", "prefer"];
    private static readonly string[] GroupsKeys = ["count", "by"];
    private static readonly string[] CycleKeys = ["office", "home"];
    private static readonly string[] RowKeys = ["when", "percent", "percent_high", "bound"];
    private static readonly string[] Bounds = ["exactly", "at-most", "at-least", "between"];
    private static readonly string[] WindowKeys = ["days", "times"];

    /// <summary>Parses <paramref name="text"/> read from <paramref name="path"/>. Never throws on user input.</summary>
    public static ParseResult Load(string path, string text)
    {
        var diagnostics = new List<Diagnostic>();
        var vocabularies = ImmutableArray.CreateBuilder<VocabularyDecl>();
        var circulars = ImmutableArray.CreateBuilder<CircularDecl>();
        var root = YamlTreeReader.Read(path, text, diagnostics);
        var r = new NodeReader(diagnostics);
        if (root is not null && r.Map(root, "a rule file", RootKeys) is { } m)
        {
            foreach (var v in r.Seq(m.Get("vocabularies"), "vocabularies")) if (Vocabulary(r, v) is { } voc) vocabularies.Add(voc);
            var provisions = 0;
            foreach (var c in r.Seq(m.Get("circulars"), "circulars"))
            {
                if (Circular(r, c, ref provisions) is { } circ) circulars.Add(circ);
            }
        }
        return new ParseResult(new RuleFile(path, vocabularies.ToImmutable(), circulars.ToImmutable()), [.. diagnostics]);
    }

    private static VocabularyDecl? Vocabulary(NodeReader r, YamlNode node)
    {
        if (r.Map(node, "a vocabulary", VocabularyKeys, "id") is not { } m) return null;
        var fields = ImmutableArray.CreateBuilder<FieldDecl>();
        foreach (var f in r.Seq(m.Get("fields"), "fields")) if (Field(r, f) is { } fd) fields.Add(fd);
        var defines = ImmutableArray.CreateBuilder<DefineDecl>();
        foreach (var d in r.Seq(m.Get("defines"), "defines"))
        {
            if (r.Map(d, "a definition", DefineKeys, "name", "condition") is not { } dm) continue;
            if (r.Str(dm.Get("name"), "name") is { } name && r.Condition(dm.Get("condition"), "condition") is { } body)
                defines.Add(new DefineDecl(name, body, dm.Span));
        }
        var regions = ImmutableArray.CreateBuilder<RegionDecl>();
        foreach (var g in r.Seq(m.Get("regions"), "regions"))
        {
            if (r.Map(g, "a region", RegionKeys, "id", "name", "zone") is not { } gm) continue;
            var attributes = ImmutableArray.CreateBuilder<RegionAttributeDecl>();
            if (gm.Get("attributes") is { } an)
            {
                if (an is YamlMapping am)
                {
                    foreach (var (key, value) in am.Entries)
                    {
                        if (r.Str(value, key.Value) is { } text) attributes.Add(new RegionAttributeDecl(key.Value, LiteralOf(text), key.Span));
                    }
                }
                else r.Error(DiagnosticMessages.AttributesTakeMapping, an.Span);
            }
            if (r.Str(gm.Get("id"), "id") is { } id && r.Str(gm.Get("name"), "name") is { } name && r.Str(gm.Get("zone"), "zone") is { } zone)
                regions.Add(new RegionDecl(id, name, zone, gm.Span) { Attributes = attributes.ToImmutable() });
        }
        return new VocabularyDecl(r.Str(m.Get("id"), "id") ?? "", fields.ToImmutable(), defines.ToImmutable(), regions.ToImmutable(), m.Span);
    }

    private static FieldDecl? Field(NodeReader r, YamlNode node)
    {
        if (r.Map(node, "a field", FieldKeys, "path", "type") is not { } m) return null;
        var path = r.Str(m.Get("path"), "path");
        var type = r.Str(m.Get("type"), "type");
        FieldKind kind;
        switch (type)
        {
            case "one-of": kind = FieldKind.OneOf; break;
            case "set-of": kind = FieldKind.SetOf; break;
            case "bool": kind = FieldKind.Bool; break;
            case "number": kind = FieldKind.Number; break;
            case "date": kind = FieldKind.Date; break;
            case null: return null;
            default:
                r.Error(Suggest.Fix(type, ["one-of", "set-of", "bool", "number", "date"]), DiagnosticMessages.NotFieldType, m.Get("type")!.Span, type);
                return null;
        }
        var codes = kind is FieldKind.OneOf or FieldKind.SetOf ? r.Codes(m.Get("codes"), "codes").ToImmutableArray() : [];
        ImmutableArray<Literal>? defaults = null;
        if (m.Get("default") is { } d)
        {
            defaults = kind == FieldKind.SetOf
                ? [.. r.Codes(d, "default").Select(Literal.Code)]
                : r.Str(d, "default") is { } text ? [LiteralOf(text)] : null;
        }
        ImmutableArray<string> rank = m.Get("rank") is { } ranked ? [.. r.Codes(ranked, "rank")] : [];
        return path is null ? null : new FieldDecl(path, kind, codes, defaults, m.Span) { Rank = rank };
    }

    /// <summary>A scalar as a literal: date (yyyy-mm-dd), number, true/false, or code.</summary>
    public static Literal LiteralOf(string text) =>
        Parsing.Values.TryDate(text, out _) ? new Literal(LiteralKind.Date, text)
        : decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _) ? new Literal(LiteralKind.Number, text)
        : text is "true" or "false" ? new Literal(LiteralKind.Bool, text)
        : Literal.Code(text);

    private static CircularDecl? Circular(NodeReader r, YamlNode node, ref int provisionCount)
    {
        if (r.Map(node, "a circular", CircularKeys, "id", "number", "issuer", "regions", "period") is not { } m) return null;
        PeriodDecl? period = null;
        if (r.Map(m.Get("period"), "period", PeriodKeys, "from") is { } pm && r.Date(pm.Get("from"), "from") is { } from)
        {
            var furtherNotice = pm.Get("to") is YamlScalar { Value: "further-notice" };
            var to = !furtherNotice && pm.Get("to") is { } t ? r.Date(t, "to") : null;
            var until = pm.Get("until") is { } u ? r.Condition(u, "until") : null;
            period = new PeriodDecl(from, to, until, pm.Span) { FurtherNotice = furtherNotice };
        }
        var relations = ImmutableArray.CreateBuilder<RelationDecl>();
        foreach (var rel in r.Seq(m.Get("relations"), "relations"))
        {
            if (r.Map(rel, "a relation", RelationKeys, "kind", "target") is not { } rm) continue;
            var kind = r.Str(rm.Get("kind"), "kind");
            var k = kind is null ? null : RelationWords.Parse(kind);
            if (k is null && kind is not null)
                r.Error(Suggest.Fix(kind, RelationWords.All.Select(w => w.Word)), DiagnosticMessages.NotRelation, rm.Get("kind")!.Span, kind);
            LocalDate? relationFrom = null;
            if (rm.Get("from") is { } rf)
            {
                if (k is { } ends && !RelationWords.Ends(ends)) r.Error(DiagnosticMessages.OnlyReplacementsStateDate, rf.Span, kind);
                else relationFrom = r.Date(rf, "from");
            }
            if (k is { } kk && r.Str(rm.Get("target"), "target") is { } target) relations.Add(new RelationDecl(kk, target, relationFrom, rm.Span));
        }
        var provisions = ImmutableArray.CreateBuilder<ProvisionDecl>();
        foreach (var p in r.Seq(m.Get("provisions"), "provisions"))
        {
            if (++provisionCount > Limits.MaxProvisions)
            {
                r.Error(DiagnosticMessages.TooManyProvisionsInFile, p.Span, Limits.MaxProvisions);
                break;
            }
            if (Provision(r, p) is { } pd) provisions.Add(pd);
        }
        var issued = m.Get("issued") is { } i ? r.Date(i, "issued") : null;
        // number: unknown (a plain word) says the number was not reported; "unknown" quoted is a number like any other.
        var numberUnknown = m.Get("number") is YamlScalar { Quoted: false, Value: "unknown" };
        return new CircularDecl(r.Str(m.Get("id"), "id") ?? "", numberUnknown ? "" : r.Str(m.Get("number"), "number") ?? "", r.Str(m.Get("title"), "title"),
            r.Str(m.Get("issuer"), "issuer") ?? "", [.. r.Codes(m.Get("regions"), "regions")], r.Str(m.Get("zone"), "zone"), issued,
            period ?? new PeriodDecl(default, null, null, m.Span), relations.ToImmutable(), provisions.ToImmutable(), m.Span)
        {
            NumberUnknown = numberUnknown,
            Withdraws = m.Get("withdraws") is { } w ? [.. r.Codes(w, "withdraws")] : [],
            Accepts = [.. r.Seq(m.Get("accept"), "accept").Select(a => r.Map(a, "an accepted warning", AcceptKeys, "code", "reason")).OfType<YamlMapping>()
                .Select(am => new AcceptDecl(r.Str(am.Get("code"), "code") ?? "", r.Str(am.Get("reason"), "reason") ?? "", am.Span))],
        };
    }

    private static WorkMode? Mode(NodeReader r, YamlNode? node)
    {
        if (r.Str(node, "mode") is not { } word) return null;
        if (WorkModes.TryParseProvisionMode(word, out var mode)) return mode;
        r.Error(Suggest.Fix(word, WorkModes.ProvisionModes.Select(x => x.Word())), DiagnosticMessages.NotProvisionMode, node!.Span, word);
        return null;
    }

    /// <summary>No cycle: reported when one was written that is not usable.</summary>
    private static PoolCycle? Refused(NodeReader r, YamlNode? cycle)
    {
        if (cycle is YamlMapping { } m && m.Get("office") is { } o && m.Get("home") is { } h)
            r.Error(DiagnosticMessages.NotUsableCycle, cycle.Span, (o as YamlScalar)?.Value ?? "?", (h as YamlScalar)?.Value ?? "?");
        return null;
    }

    /// <summary>A share: a number of percent (<c>25</c>) or a fraction of persons (<c>1/3</c>).</summary>
    private static decimal? Share(NodeReader r, YamlNode? node, string what)
    {
        if (r.Str(node, what) is not { } text) return null;
        if (Values.TryShare(text, out var percent)) return percent;
        r.Error(DiagnosticMessages.MustBeNumber, node!.Span, what, text);
        return null;
    }

    /// <summary>The top of a range: <c>percent_high</c>, required with <c>bound: between</c> and refused without it.</summary>
    private static decimal? High(NodeReader r, YamlMapping m, string bound)
    {
        var given = m.Get("percent_high");
        if (bound != "between")
        {
            if (given is not null) r.Error(DiagnosticMessages.BoundMustBeExactlyOrAtMost, given.Span);
            return null;
        }
        if (given is null)
        {
            r.Error(DiagnosticMessages.BoundMustBeExactlyOrAtMost, m.Span);
            return null;
        }
        return Share(r, given, "percent_high");
    }

    private static ProvisionDecl? Provision(NodeReader r, YamlNode node)
    {
        if (r.Map(node, "a provision", ProvisionKeys, "id", "cite") is not { } m) return null;
        var cite = new CitationDecl("", "", m.Span);
        if (r.Map(m.Get("cite"), "cite", CiteKeys) is { } cm)
        {
            // A quote of the source, or a summary where only a report of it is at hand: one of them.
            var (quote, summary) = (cm.Get("quote"), cm.Get("summary"));
            if ((quote is null) == (summary is null)) r.Error(DiagnosticMessages.CiteQuoteOrSummary, cm.Span);
            cite = new CitationDecl(r.Str(cm.Get("point"), "point") ?? "", r.Str(quote ?? summary, quote is null ? "summary" : "quote") ?? "", cm.Span) { Summary = quote is null && summary is not null };
        }
        var scope = m.Get("scope") is { } s ? r.Condition(s, "scope") : null;
        var mode = m.Get("mode") is { } md ? Mode(r, md) : null;
        PoolDecl? pool = null;
        if (r.Map(m.Get("pool"), "pool", PoolKeys, "group", "per", "place") is { } pm)
        {
            var per = r.Str(pm.Get("per"), "per");
            var place = r.Str(pm.Get("place"), "place");
            var bound = r.Str(pm.Get("bound"), "bound") ?? "exactly";
            if (!Bounds.Contains(bound)) r.Error(Suggest.Fix(bound, Bounds), DiagnosticMessages.BoundMustBeExactlyOrAtMost, pm.Get("bound")!.Span);
            // A floor with no rounding stated rounds up, as in the DSL.
            var rounding = r.Str(pm.Get("rounding"), "rounding") ?? (bound == "at-least" ? "up" : "down");
            if (per is not ("top-unit" or "unit") && per is not null) r.Error(DiagnosticMessages.PerMustBeTopUnitOrUnit, pm.Get("per")!.Span);
            if (place is not ("office" or "home") && place is not null) r.Error(DiagnosticMessages.PlaceMustBeOfficeOrHome, pm.Get("place")!.Span);
            if (rounding is not ("down" or "up" or "nearest" or "turns")) r.Error(DiagnosticMessages.RoundingMustBeKnown, pm.Get("rounding")!.Span);
            var rows = ImmutableArray.CreateBuilder<QuotaRowDecl>();
            foreach (var row in r.Seq(pm.Get("table"), "table"))
            {
                if (r.Map(row, "a quota row", RowKeys, "when", "percent") is not { } rm) continue;
                var rowBound = r.Str(rm.Get("bound"), "bound") ?? "exactly";
                if (!Bounds.Contains(rowBound)) r.Error(Suggest.Fix(rowBound, Bounds), DiagnosticMessages.BoundMustBeExactlyOrAtMost, rm.Get("bound")!.Span);
                if (r.Condition(rm.Get("when"), "when") is { } when && Share(r, rm.Get("percent"), "percent") is { } rowPct)
                    rows.Add(new QuotaRowDecl(when, rowPct, rowBound == "at-most", rm.Span) { AtLeast = rowBound == "at-least", High = High(r, rm, rowBound) });
            }
            var table = pm.Get("table") is not null;
            if (!table && pm.Get("percent") is null) r.Error(DiagnosticMessages.PoolNeedsShare, pm.Span);
            if (table && pm.Get("percent") is { } stray) r.Error(DiagnosticMessages.QuotaTableWithPercent, stray.Span);
            var pct = table ? 0 : Share(r, pm.Get("percent"), "percent");
            if (r.Str(pm.Get("group"), "group") is { } group && pct is { } share)
            {
                pool = new PoolDecl(group, per == "unit" ? PoolPer.Unit : PoolPer.TopUnit, place == "home" ? QuotaPlace.Home : QuotaPlace.Office, share,
                    rounding switch { "up" => Rounding.Up, "nearest" => Rounding.Nearest, "turns" => Rounding.Turns, _ => Rounding.Down }, bound == "at-most", pm.Span)
                {
                    Table = rows.ToImmutable(),
                    Prefer = pm.Get("prefer") is { } pf ? r.Condition(pf, "prefer") : null,
                    Base = pm.Get("base") is { } qb ? r.Condition(qb, "base") : null,
                    AtLeast = bound == "at-least",
                    High = table ? null : High(r, pm, bound),
                    MinPersons = pm.Get("min_persons") is { } mp && r.Number(mp, "min_persons") is { } n ? (int)Math.Clamp(n, 0, 10_000) : 0,
                    Cycle = r.Map(pm.Get("cycle"), "cycle", CycleKeys, "office", "home") is { } cyc
                        && r.Number(cyc.Get("office"), "office") is { } office && r.Number(cyc.Get("home"), "home") is { } home
                        && office is >= 1 and <= 30 && home is >= 1 and <= 30 && office + home <= 31 && office == decimal.Truncate(office) && home == decimal.Truncate(home)
                        ? new PoolCycle((int)office, (int)home)
                        : r.Map(pm.Get("groups"), "groups", GroupsKeys, "count", "by") is { } gm && r.Number(gm.Get("count"), "count") is { } count
                            && count is >= 2 and <= 31 && count == decimal.Truncate(count) ? new PoolCycle(1, (int)count - 1) : Refused(r, pm.Get("cycle")),
                    GroupBy = pm.Get("groups") is YamlMapping gb ? r.Str(gb.Get("by"), "by") : null,
                    NoConsecutiveOffice = pm.Get("no_consecutive_office_days") is { } nc && r.Bool(nc, "no_consecutive_office_days") == true,
                };
            }
        }
        var during = ImmutableArray.CreateBuilder<WorkMode>();
        // during: at-home / at-office (a word, not a list): duties of the day's place.
        var onPlace = m.Get("during") is YamlScalar { Value: "at-home" or "at-office" } placeWord ? (placeWord.Value == "at-home" ? RosterPlace.Home : RosterPlace.Office) : (RosterPlace?)null;
        if (onPlace is null)
            foreach (var d in r.Seq(m.Get("during"), "during")) if (Mode(r, d) is { } dm) during.Add(dm);
        var obligations = ImmutableArray.CreateBuilder<ObligationDecl>();
        foreach (var o in r.Seq(m.Get("obligations"), "obligations")) if (Obligation(r, o) is { } od) obligations.Add(od);
        var ambiguities = r.Seq(m.Get("ambiguities"), "ambiguities").Select(a => r.Str(a, "an ambiguity note")).OfType<string>().ToImmutableArray();
        return new ProvisionDecl(r.Str(m.Get("id"), "id") ?? "", cite, scope, mode, pool, during.ToImmutable(),
            [.. r.Codes(m.Get("overrides"), "overrides")], obligations.ToImmutable(), ambiguities, m.Span) { Defers = m.Get("defers") is { } deferred ? r.Str(deferred, "defers") : null, OnPlace = onPlace };
    }

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?$")]
    private static partial Regex NumberText();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex CodeText();

    private static ObligationDecl? Obligation(NodeReader r, YamlNode node)
    {
        if (node is not YamlMapping m)
        {
            r.Error(DiagnosticMessages.ObligationMustBeMappingWithKind, node.Span);
            return null;
        }
        if (r.Str(m.Get("kind"), "kind") is not { } kind)
        {
            r.Error(DiagnosticMessages.ObligationHasNoKind, m.Span);
            return null;
        }
        var props = ImmutableArray.CreateBuilder<PropertyDecl>();
        foreach (var (key, value) in m.Entries)
        {
            if (key.Value == "kind") continue;
            if (key.Value == "windows")
            {
                foreach (var w in r.Seq(value, "windows")) if (Windows(r, w) is { } wv) props.Add(new PropertyDecl("windows", wv, w.Span));
                continue;
            }
            if (PropertyValueOf(r, value) is { } pv) props.Add(new PropertyDecl(key.Value, pv, value.Span));
        }
        return new ObligationDecl(kind, props.ToImmutable(), m.Span);
    }

    private static PropertyValue? PropertyValueOf(NodeReader r, YamlNode node)
    {
        if (node is YamlSequence)
        {
            return new CodeListValue([.. r.Codes(node, "a list of codes")]);
        }
        if (node is not YamlScalar s)
        {
            r.Error(DiagnosticMessages.ObligationDetailMustBeValueOrList, node.Span);
            return null;
        }
        var t = s.Value;
        if (s.Quoted) return new TextValue(t);
        if (NumberText().IsMatch(t) && Values.TryNumber(t, out var number)) return new NumberValue(number);
        if (t.EndsWith('%') && NumberText().IsMatch(t[..^1]) && Values.TryNumber(t[..^1], out var percent)) return new PercentValue(percent);
        if (Values.TryDuration(t, out var amount, out var unit)) return new DurationValue(amount, unit);
        return CodeText().IsMatch(t) ? new CodeValue(t) : new TextValue(t);
    }

    private static WindowsValue? Windows(NodeReader r, YamlNode node)
    {
        if (r.Map(node, "a windows entry", WindowKeys, "days", "times") is not { } m) return null;
        var dayItems = r.Codes(m.Get("days"), "days").SelectMany(d => d.Split(',')).ToList();
        var (days, bad) = DaysText.Parse(dayItems);
        if (days is null)
        {
            r.Error(DiagnosticMessages.NotWeekdayRange, m.Get("days")!.Span, bad);
            return null;
        }
        var windows = ImmutableArray.CreateBuilder<TimeWindow>();
        foreach (var t in r.Seq(m.Get("times"), "times"))
        {
            if (r.Str(t, "a time") is not { } text) continue;
            var parts = text.Split('-', 2);
            if (!Values.TryTime(parts[0].Trim(), out var from) || !Values.TryTime(parts[^1].Trim(), out var to))
            {
                r.Error(DiagnosticMessages.NotTimeOrWindow, t.Span, text);
                continue;
            }
            if (to < from)
            {
                r.Error(DiagnosticMessages.NamedWindowEndsBeforeStarts, t.Span, text);
                continue;
            }
            windows.Add(new TimeWindow(from, to));
        }
        return new WindowsValue([.. days], windows.ToImmutable());
    }
}
