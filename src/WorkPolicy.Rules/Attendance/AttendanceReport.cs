using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Rules.Ast;

namespace WorkPolicy.Rules.Attendance;

/// <summary>One required check-in window and whether a check-in fell in it (local time in the obligation's zone).</summary>
internal sealed record WindowCheck(TimeWindow Window, bool Met, LocalTime? At);

/// <summary>An employee's check-in windows on one working-from-home day.</summary>
internal sealed record AttendanceDay(string Employee, string Unit, LocalDate Date, string Zone, ImmutableArray<WindowCheck> Windows);

/// <summary>Totals for one unit over the period.</summary>
internal sealed record UnitTotals(string Unit, int Required, int Met)
{
    /// <summary>Windows missed.</summary>
    public int Missed => Required - Met;
}

/// <summary>Check-in compliance over a period.</summary>
internal sealed record AttendanceReport(ImmutableArray<AttendanceDay> Days, ImmutableArray<UnitTotals> Units);
