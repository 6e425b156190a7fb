using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Ast;

namespace WorkPolicy.Attendance;

/// <summary>Check-in compliance over a period.</summary>
internal sealed record AttendanceResult(ImmutableArray<AttendanceDay> Days, ImmutableArray<UnitAttendance> Units)
{
    /// <summary>Why days were not checked: check-ins that state no window, optional days no roster puts at home.</summary>
    public ImmutableArray<string> Notes { get; init; } = [];
}
