using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Ast;

namespace WorkPolicy.Attendance;

/// <summary>Check-in compliance over a period.</summary>
internal sealed record AttendanceResult(ImmutableArray<AttendanceDay> Days, ImmutableArray<UnitAttendance> Units);
