using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using Sprache;
using WorkPolicy.Ast;
using WorkPolicy.Diagnostics;
using static WorkPolicy.Parsing.Lexical;

namespace WorkPolicy.Parsing;

internal static partial class DslParser
{
    private sealed partial class FileParser
    {
        private static readonly Parser<Located<string>> NumberWithSuffix =
            Tok(from n in NumberRaw
                from suffix in Sprache.Parse.Chars('%', 'm', 'h', 'd').Optional()
                select suffix.IsDefined ? n + suffix.Get() : n);

        private ObligationDecl? ParseObligation(SourceSpan start)
        {
            if (!_c.Run(Name, "an obligation kind", out var kind)) return null;
            var props = ImmutableArray.CreateBuilder<PropertyDecl>();
            var closed = Block($"obligation '{kind.Value}'", start, null, key =>
            {
                var value = key.Value == "windows" ? ParseWindows() : ParsePropertyValue();
                if (value is not null) props.Add(new PropertyDecl(key.Value, value, _c.SpanFrom(_c.SpanOf(key))));
            });
            return closed ? new ObligationDecl(kind.Value, props.ToImmutable(), _c.SpanFrom(start)) : null;
        }

        private PropertyValue? ParsePropertyValue()
        {
            if (_c.Run(Text.Select(t => (PropertyValue)new TextValue(t.Value))
                    .Or(NumberWithSuffix.Where(t => ToNumberValue(t) is not null).Select(t => ToNumberValue(t)!))
                    .Or(Names.Select(ns => ns.Count() == 1 ? new CodeValue(ns.First().Value) : (PropertyValue)new CodeListValue([.. ns.Select(n => n.Value)]))),
                    "a value (quoted text, number, 25%, 15m, or codes)", out var v))
            {
                return v;
            }
            return null;
        }

        /// <summary>The value a number token stands for; null for one that is out of range (e.g. <c>-5m</c>).</summary>
        private static PropertyValue? ToNumberValue(Located<string> t)
        {
            var text = t.Value;
            if (text.EndsWith('%')) return Values.TryNumber(text[..^1], out var pct) ? new PercentValue(pct) : null;
            if (text[^1] is 'm' or 'h' or 'd') return Values.TryDuration(text, out var amount, out var unit) ? new DurationValue(amount, unit) : null;
            return Values.TryNumber(text, out var n) ? new NumberValue(n) : null;
        }

        /// <summary><c>windows mon-thu, sat 07:00-07:30, 12:00</c>: days, then times or time ranges.</summary>
        private WindowsValue? ParseWindows()
        {
            if (!_c.Run(Names, "weekdays such as mon-thu or fri", out var dayTokens)) return null;
            var (days, bad) = Printing.DaysText.Parse(dayTokens.Select(t => t.Value));
            if (days is null)
            {
                var t = dayTokens.First(t => t.Value == bad);
                _c.Error(DiagnosticMessages.NotWeekdayRange, _c.SpanOf(t), t.Value);
                return null;
            }
            var windows = ImmutableArray.CreateBuilder<TimeWindow>();
            do
            {
                if (Time() is not { } from) return null;
                var to = from;
                if (_c.TrySymbol("-"))
                {
                    if (Time() is not { } end) return null;
                    to = end;
                }
                if (to < from)
                {
                    _c.Error(DiagnosticMessages.WindowEndsBeforeStarts, _c.Here(), Values.Text(to), Values.Text(from));
                    return null;
                }
                windows.Add(new TimeWindow(from, to));
            }
            while (_c.TrySymbol(","));
            return new WindowsValue([.. days], windows.ToImmutable());
        }
    }
}
