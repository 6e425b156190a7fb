using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Ast;
using WorkPolicy.Diagnostics;
using WorkPolicy.Model;

namespace WorkPolicy.Checking;

internal sealed partial class Linker
{
    private static readonly (string Name, IsoDayOfWeek Day)[] Weekdays =
    [
        ("mon", IsoDayOfWeek.Monday), ("tue", IsoDayOfWeek.Tuesday), ("wed", IsoDayOfWeek.Wednesday), ("thu", IsoDayOfWeek.Thursday),
        ("fri", IsoDayOfWeek.Friday), ("sat", IsoDayOfWeek.Saturday), ("sun", IsoDayOfWeek.Sunday),
    ];

    /// <summary>
    /// Types the properties the engine acts on — <c>windows</c>, <c>tolerance</c>, <c>days</c>, and
    /// <c>every</c> when it is a number of days (a rotation's cadence; <c>every month-end</c> is text) —
    /// and keeps the rest as written. Only <c>tolerance</c> widens windows: any other
    /// duration (a report deadline, a cadence) has nothing to do with them.
    /// </summary>
    private CheckedObligation Obligation(ObligationDecl o)
    {
        var windows = ImmutableArray.CreateBuilder<WindowsValue>();
        var tolerance = Duration.Zero;
        ImmutableHashSet<IsoDayOfWeek>? days = null;
        int? every = null;
        var rest = ImmutableArray.CreateBuilder<PropertyDecl>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var prop in o.Properties)
        {
            if (prop.Key is "tolerance" or "days" && !seen.Add(prop.Key))
                Report(DiagnosticMessages.ObligationStatesTwice, prop.Span, o.Kind, prop.Key);
            switch (prop.Key)
            {
                case "windows" when prop.Value is WindowsValue w:
                    windows.Add(w);
                    break;
                case "windows":
                    Report(DiagnosticMessages.ObligationWindowsTakeWeekdaysAndTimes, prop.Span, o.Kind);
                    break;
                case "tolerance" when prop.Value is DurationValue { Unit: 'm' or 'h' } d:
                    tolerance = Duration.FromMinutes(d.Minutes);
                    rest.Add(prop);
                    break;
                case "tolerance":
                    Report(DiagnosticMessages.ObligationToleranceTakesDuration, prop.Span, o.Kind);
                    break;
                case "days" when DaysOf(prop.Value) is { } set:
                    days = set;
                    rest.Add(prop);
                    break;
                case "days":
                    Report(DiagnosticMessages.ObligationDaysTakeWeekdays, prop.Span, o.Kind);
                    break;
                case "every" when prop.Value is DurationValue { Unit: 'd', Amount: > 0 } d:
                    every = d.Amount;
                    rest.Add(prop);
                    break;
                default:
                    rest.Add(prop);
                    break;
            }
        }
        return new CheckedObligation(o.Kind, windows.ToImmutable(), tolerance, days, every, rest.ToImmutable(), o);
    }

    private static ImmutableHashSet<IsoDayOfWeek>? DaysOf(PropertyValue value)
    {
        IEnumerable<string> names = value switch
        {
            CodeValue c => [c.Code],
            CodeListValue l => l.Codes,
            _ => [],
        };
        var days = ImmutableHashSet.CreateBuilder<IsoDayOfWeek>();
        foreach (var n in names)
        {
            var i = Array.FindIndex(Weekdays, w => w.Name == n);
            if (i < 0) return null;
            days.Add(Weekdays[i].Day);
        }
        return days.Count > 0 ? days.ToImmutable() : null;
    }
}
