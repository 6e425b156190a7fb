using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Rules.Ast;

namespace WorkPolicy.Rules.Attendance;

/// <summary>Check-in compliance over a period.</summary>
internal sealed record AttendanceResult(ImmutableArray<AttendanceDay> Days, ImmutableArray<UnitAttendance> Units);
