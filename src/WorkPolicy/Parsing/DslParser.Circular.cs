using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Loading;
using WorkPolicy.Ast;
using WorkPolicy.Diagnostics;

namespace WorkPolicy.Parsing;

internal static partial class DslParser
{
    private sealed partial class FileParser
    {
        private static readonly string[] CircularKeywords =
            ["number", "title", "issuer", "region", "zone", "issued", "period", "extends", "keeps-in-force", "supersedes", "implements", "revokes", "amends", "follows", "withdraws", "accept", "provision"];

        private static readonly string[] ProvisionKeywords =
            ["cite", "ambiguity", "defers", "scope", "mode", "pool", "during", "overrides", "obligation"];

        private CircularDecl? ParseCircular(SourceSpan start)
        {
            if (!_c.Run(Name, "a circular id", out var id)) return null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            string number = "", issuer = "";
            var numberUnknown = false;
            string? title = null, zone = null;
            LocalDate? issued = null;
            PeriodDecl? period = null;
            var regions = ImmutableArray.CreateBuilder<string>();
            var relations = ImmutableArray.CreateBuilder<RelationDecl>();
            var provisions = ImmutableArray.CreateBuilder<ProvisionDecl>();
            var withdraws = ImmutableArray.CreateBuilder<string>();
            var accepts = ImmutableArray.CreateBuilder<AcceptDecl>();

            var closed = Block($"circular '{id.Value}'", start, CircularKeywords, kw =>
            {
                var kwSpan = _c.SpanOf(kw);
                switch (kw.Value)
                {
                    case "number":
                        Once(seen, kw);
                        // A circular whose number was not reported still says so, rather than inventing one.
                        if (_c.TryWord("unknown")) numberUnknown = true;
                        else if (_c.Run(Text, "the number, quoted, or 'unknown'", out var n)) number = n.Value;
                        break;
                    case "title": Once(seen, kw); if (_c.Run(Text, "quoted text", out var t)) title = t.Value; break;
                    case "issuer": Once(seen, kw); if (_c.Run(Text, "quoted text", out var i)) issuer = i.Value; break;
                    case "zone": Once(seen, kw); if (_c.Run(Lexical.Tok(Lexical.ZoneRaw), "a time zone", out var z)) zone = z.Value; break;
                    case "issued": Once(seen, kw); issued = Date(); break;
                    case "region":
                        Once(seen, kw);
                        if (_c.Run(Names, "region ids", out var rs)) regions.AddRange(rs.Select(r => r.Value));
                        break;
                    case "period": Once(seen, kw); period = ParsePeriod(kwSpan); break;
                    case "provision":
                        if (provisions.Count >= Limits.MaxProvisions)
                        {
                            _c.Error(DiagnosticMessages.TooManyProvisionsInCircular, kwSpan, Limits.MaxProvisions);
                            _c.FailHereSilently();
                        }
                        else if (ParseProvision(kwSpan) is { } p) provisions.Add(p);
                        break;
                    case "accept":
                        if (_c.Run(Name, "a diagnostic code, e.g. WP0316", out var code) && _c.Run(Text, "the reason in quotes", out var reason))
                            accepts.Add(new AcceptDecl(code.Value, reason.Value, _c.SpanFrom(kwSpan)));
                        break;
                    case "withdraws":
                        Once(seen, kw);
                        if (_c.Run(Names, "provision ids", out var ws)) withdraws.AddRange(ws.Select(w => w.Value));
                        break;
                    default:
                        var kind = RelationWords.Parse(kw.Value)!.Value;
                        if (_c.Run(Text, "quoted text naming the other document", out var target))
                        {
                            // A revocation may state the first day the other circular is no longer in force.
                            LocalDate? from = RelationWords.Ends(kind) && _c.TryWord("from") ? Date() : null;
                            relations.Add(new RelationDecl(kind, target.Value, from, _c.SpanFrom(kwSpan)));
                        }
                        break;
                }
            });
            var span = _c.SpanFrom(start);
            if (!closed) return null;
            Require(seen, _c.SpanOf(id), $"circular '{id.Value}'", "number", "issuer", "region", "period");
            return new CircularDecl(id.Value, number, title, issuer, regions.ToImmutable(), zone, issued,
                period ?? new PeriodDecl(default, null, null, span), relations.ToImmutable(), provisions.ToImmutable(), span) { Withdraws = withdraws.ToImmutable(), Accepts = accepts.ToImmutable(), NumberUnknown = numberUnknown };
        }

        private PeriodDecl? ParsePeriod(SourceSpan start)
        {
            if (!_c.TryWord("from"))
            {
                _c.FailExpecting("'from' after 'period'");
                return null;
            }
            if (Date() is not { } from) return null;
            LocalDate? to = null;
            Ast.Expr? until = null;
            var furtherNotice = false;
            if (_c.TryWord("to"))
            {
                if (_c.TryWord(FurtherNotice)) furtherNotice = true;
                else if ((to = Date()) is null) return null;
            }
            if (_c.TryWord("until"))
            {
                until = ParseExpr();
                if (until is null) return null;
            }
            return new PeriodDecl(from, to, until, _c.SpanFrom(start)) { FurtherNotice = furtherNotice };
        }

        /// <summary>The word of an end stated as "until further notice".</summary>
        internal const string FurtherNotice = "further-notice";

        private ProvisionDecl? ParseProvision(SourceSpan start)
        {
            if (!_c.Run(Name, "a provision id", out var id)) return null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            CitationDecl? cite = null;
            Ast.Expr? scope = null;
            WorkMode? mode = null;
            PoolDecl? pool = null;
            var during = ImmutableArray.CreateBuilder<WorkMode>();
            var overrides = ImmutableArray.CreateBuilder<string>();
            var obligations = ImmutableArray.CreateBuilder<ObligationDecl>();
            var ambiguities = ImmutableArray.CreateBuilder<string>();
            string? defers = null;
            RosterPlace? onPlace = null;

            var closed = Block($"provision '{id.Value}'", start, ProvisionKeywords, kw =>
            {
                var kwSpan = _c.SpanOf(kw);
                switch (kw.Value)
                {
                    case "cite":
                        Once(seen, kw);
                        if (!_c.Run(Text, "the point (quoted, may be empty)", out var point)) break;
                        // A paraphrase where only a report of the circular is at hand: said so wherever it is cited.
                        var summary = _c.TryWord("summary");
                        if (_c.Run(Text, summary ? "the summary, quoted" : "a short quote of the source, or 'summary' and a paraphrase", out var quote))
                            cite = new CitationDecl(point.Value, quote.Value, _c.SpanFrom(kwSpan)) { Summary = summary };
                        break;
                    case "ambiguity":
                        if (_c.Run(Text, "quoted text", out var a)) ambiguities.Add(a.Value);
                        break;
                    case "defers":
                        // The point leaves the arrangement to the head: said so, with what it leaves.
                        Once(seen, kw);
                        if (_c.Run(Text, "what the circular leaves to the head, quoted", out var d)) defers = d.Value;
                        break;
                    case "scope": Once(seen, kw); scope = ParseExpr(); break;
                    case "mode": Once(seen, kw); mode = ParseMode(); break;
                    case "pool": Once(seen, kw); pool = ParsePool(kwSpan); break;
                    case "during":
                        Once(seen, kw);
                        // Duties of the day: on the days the member is at home (or at the office), whatever the mode.
                        if (_c.TryWord("at-home")) { onPlace = RosterPlace.Home; break; }
                        if (_c.TryWord("at-office")) { onPlace = RosterPlace.Office; break; }
                        do
                        {
                            if (ParseMode() is { } m) during.Add(m); else break;
                        }
                        while (_c.TrySymbol(","));
                        break;
                    case "overrides":
                        Once(seen, kw);
                        if (_c.Run(Names, "provision ids", out var os)) overrides.AddRange(os.Select(o => o.Value));
                        break;
                    default:
                        if (ParseObligation(kwSpan) is { } o) obligations.Add(o);
                        break;
                }
            });
            if (!closed) return null;
            var span = _c.SpanFrom(start);
            Require(seen, _c.SpanOf(id), $"provision '{id.Value}'", "cite");
            return new ProvisionDecl(id.Value, cite ?? new CitationDecl("", "", span), scope, mode, pool, during.ToImmutable(),
                overrides.ToImmutable(), obligations.ToImmutable(), ambiguities.ToImmutable(), span) { Defers = defers, OnPlace = onPlace };
        }

        private WorkMode? ParseMode()
        {
            if (!_c.Run(Name, "a mode (office, home, rotation, optional)", out var m)) return null;
            if (WorkModes.TryParseProvisionMode(m.Value, out var mode)) return mode;
            _c.Error(Suggest.Fix(m.Value, WorkModes.ProvisionModes.Select(x => x.Word())), DiagnosticMessages.NotProvisionMode, _c.SpanOf(m), m.Value);
            return null;
        }

        private PoolDecl? ParsePool(SourceSpan start)
        {
            if (!_c.Run(Name, "a pool group name", out var group)) return null;
            if (!_c.TryWord("per")) { _c.FailExpecting("'per top-unit' or 'per unit'"); return null; }
            PoolPer per;
            if (_c.TryWord("top-unit")) per = PoolPer.TopUnit;
            else if (_c.TryWord("unit")) per = PoolPer.Unit;
            else { _c.FailExpecting("'top-unit' or 'unit'"); return null; }
            QuotaPlace place;
            if (_c.TryWord("office")) place = QuotaPlace.Office;
            else if (_c.TryWord("home")) place = QuotaPlace.Home;
            else { _c.FailExpecting("'office' or 'home' (the place the quota counts)"); return null; }
            if (_c.TryWord("table")) return ParseQuotaTable(start, group.Value, per, place);
            if (ParseShare() is not { } share) return null;
            var quotaBase = _c.TryWord("of") ? ParseExpr() : null;
            // A floor with no rounding stated rounds up: rounded down, "at least 30%" of five would be one, under the floor.
            if (ParseRounding(share.AtLeast ? Rounding.Up : Rounding.Down) is not { } rounding) return null;
            if (ParseMinPersons() is not { } minPersons) return null;
            PoolCycle? cycle = null;
            if (_c.TryWord("cycle") && (cycle = ParseCycle()) is null) return null;
            string? groupBy = null;
            if (cycle is null && _c.TryWord("groups"))
            {
                // Fixed shift groups taking turns: N groups, one at the office a day, each holding every value of a field.
                if (ParseGroups() is not { } groups) return null;
                (cycle, groupBy) = groups;
            }
            // "Never two office days running": a constraint on every member's days, for the planner and the check.
            var apart = _c.TryWord("no-consecutive-office-days");
            var prefer = _c.TryWord("prefer") ? ParseExpr() : null;
            if (Shares(share) is not var (percent, high)) return null;
            return new PoolDecl(group.Value, per, place, percent, rounding, share.AtMost, _c.SpanFrom(start))
            {
                Prefer = prefer, Base = quotaBase, AtLeast = share.AtLeast, High = high, MinPersons = minPersons, Cycle = cycle, GroupBy = groupBy, NoConsecutiveOffice = apart,
            };
        }

        /// <summary>A share's percentages, the top of a range checked against its bottom; null after an error.</summary>
        private (decimal Percent, decimal? High)? Shares((bool AtMost, bool AtLeast, Located<string> Percent, Located<string>? High) share)
        {
            if (Percent(share.Percent) is not { } percent) return null;
            if (share.High is not { } top) return (percent, null);
            if (Percent(top) is not { } high) return null;
            if (high >= percent) return (percent, high);
            _c.Error(DiagnosticMessages.RangeUpsideDown, _c.SpanOf(top), share.Percent.Value, top.Value);
            return null;
        }

        private decimal? Percent(Located<string> pct)
        {
            if (Values.TryShare(pct.Value, out var percent)) return percent;
            _c.Error(DiagnosticMessages.NotUsablePercentage, _c.SpanOf(pct), pct.Value);
            return null;
        }

        /// <summary>A share: <c>25%</c> (the target), <c>at-most 25%</c>, <c>at-least 30%</c>, <c>between 25% and 30%</c>.</summary>
        private (bool AtMost, bool AtLeast, Located<string> Percent, Located<string>? High)? ParseShare()
        {
            const string Expected = "a share: N%, N/M, at-most N%, at-least N% or between N% and M%";
            var atMost = _c.TryWord("at-most");
            var atLeast = !atMost && _c.TryWord("at-least");
            var between = !atMost && !atLeast && _c.TryWord("between");
            if (ParseAmount(Expected) is not { } pct) return null;
            if (!between) return (atMost, atLeast, pct, null);
            if (!_c.TryWord("and")) { _c.FailExpecting("'and M%' (the top of the range)"); return null; }
            if (ParseAmount("the top of the range, M%") is not { } top) return null;
            return (false, false, pct, top);
        }

        /// <summary><c>25%</c>, or a fraction of persons <c>1/3</c> ("sepertiga"): the text of either, read by <see cref="Values.TryShare"/>.</summary>
        private Located<string>? ParseAmount(string expected)
        {
            if (!_c.Run(Lexical.Tok(Lexical.NumberRaw), expected, out var amount)) return null;
            if (_c.TrySymbol("%")) return amount;
            if (!_c.TrySymbol("/")) { _c.FailExpecting("'%' (or '/' and a denominator, for a fraction such as 1/3)"); return null; }
            if (!_c.Run(Lexical.Tok(Lexical.NumberRaw), "the denominator of the fraction", out var under)) return null;
            return amount with { Value = $"{amount.Value}/{under.Value}", EndLine = under.EndLine, EndColumn = under.EndColumn };
        }

        /// <summary><c>cycle N office M home</c> (after the word <c>cycle</c>): each member's turn, N working days at the office then M at home.</summary>
        private PoolCycle? ParseCycle()
        {
            if (!_c.Run(Lexical.Tok(Lexical.NumberRaw), "days at the office (cycle 2 office 1 home)", out var office)) return null;
            if (!_c.TryWord("office")) { _c.FailExpecting("'office' (cycle N office M home)"); return null; }
            if (!_c.Run(Lexical.Tok(Lexical.NumberRaw), "days at home (cycle 2 office 1 home)", out var home)) return null;
            if (!_c.TryWord("home")) { _c.FailExpecting("'home' (cycle N office M home)"); return null; }
            if (!int.TryParse(office.Value, out var n) || !int.TryParse(home.Value, out var m) || n < 1 || m < 1 || n + m > 31)
            {
                _c.Error(DiagnosticMessages.NotUsableCycle, _c.SpanOf(office), office.Value, home.Value);
                return null;
            }
            return new PoolCycle(n, m);
        }

        /// <summary><c>groups N by FIELD</c> (after the word <c>groups</c>): a cycle of one office day in N, groups dealt by the employee field.</summary>
        private (PoolCycle Cycle, string By)? ParseGroups()
        {
            if (!_c.Run(Lexical.Tok(Lexical.NumberRaw), "how many groups (groups 3 by position)", out var n)) return null;
            if (!_c.TryWord("by")) { _c.FailExpecting("'by FIELD' (groups 3 by position: every group holds every position)"); return null; }
            if (!_c.Run(Name, "an employee field (groups 3 by position)", out var field)) return null;
            if (!int.TryParse(n.Value, out var count) || count < 2 || count > 31)
            {
                _c.Error(DiagnosticMessages.NotUsableCycle, _c.SpanOf(n), 1, n.Value);
                return null;
            }
            return (new PoolCycle(1, count - 1), field.Value);
        }

        /// <summary><c>[at-least N person|persons]</c>: persons kept at the quota's place whatever the share; 0 when not stated.</summary>
        private int? ParseMinPersons()
        {
            if (!_c.TryWord("at-least")) return 0;
            if (!_c.Run(Lexical.Tok(Lexical.NumberRaw), "a number of persons (at-least 1 person)", out var n)) return null;
            if (!_c.TryWord("person") && !_c.TryWord("persons")) { _c.FailExpecting("'person' or 'persons'"); return null; }
            if (!int.TryParse(n.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) || count < 1 || count > 10_000)
            {
                _c.Error(DiagnosticMessages.NotUsablePersons, _c.SpanOf(n), n.Value);
                return null;
            }
            return count;
        }

        /// <summary><c>[rounding down|up|nearest|turns]</c>, <paramref name="stated"/> (down, or up for a floor) when not stated.</summary>
        private Rounding? ParseRounding(Rounding stated = Rounding.Down)
        {
            if (!_c.TryWord("rounding")) return stated;
            if (_c.TryWord("down")) return Rounding.Down;
            if (_c.TryWord("up")) return Rounding.Up;
            if (_c.TryWord("nearest")) return Rounding.Nearest;
            if (_c.TryWord("turns")) return Rounding.Turns;
            _c.FailExpecting("'down', 'up', 'nearest' or 'turns'");
            return null;
        }

        /// <summary><c>table [of CONDITION] [rounding …] { when CONDITION: [at-most] N% … }</c>: the share by status.</summary>
        private PoolDecl? ParseQuotaTable(SourceSpan start, string group, PoolPer per, QuotaPlace place)
        {
            var quotaBase = _c.TryWord("of") ? ParseExpr() : null;
            if (ParseRounding() is not { } rounding) return null;
            var prefer = _c.TryWord("prefer") ? ParseExpr() : null;
            if (!ExpectSymbol("{")) return null;
            var rows = ImmutableArray.CreateBuilder<QuotaRowDecl>();
            while (!_c.TrySymbol("}"))
            {
                if (!_c.TryWord("when")) { _c.FailExpecting("'when CONDITION: N%' or '}'"); return null; }
                var rowStart = _c.Here();
                if (ParseExpr() is not { } when || !ExpectSymbol(":") || ParseShare() is not { } share) return null;
                if (Shares(share) is not var (percent, high)) return null;
                rows.Add(new QuotaRowDecl(when, percent, share.AtMost, _c.SpanFrom(rowStart)) { AtLeast = share.AtLeast, High = high });
            }
            if (rows.Count == 0) _c.Error(DiagnosticMessages.QuotaTableNeedsRow, _c.SpanFrom(start));
            return new PoolDecl(group, per, place, 0, rounding, false, _c.SpanFrom(start)) { Table = rows.ToImmutable(), Prefer = prefer, Base = quotaBase };
        }
    }
}
