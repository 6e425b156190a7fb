using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Rules.Diagnostics;

namespace WorkPolicy.Rules.Facts;

/// <summary>A work unit; <see cref="Fields"/> holds vocabulary fields by key (e.g. <c>kind</c>).</summary>
internal sealed record UnitFacts(string Id, string? Name, string Region, string? Parent, IReadOnlyDictionary<string, FactValue> Fields, SourceSpan Span);

/// <summary>An employee; <see cref="Fields"/> holds vocabulary fields by dotted key (e.g. <c>health.healthy</c>).</summary>
internal sealed record EmployeeFacts(string Id, string Unit, IReadOnlyDictionary<string, FactValue> Fields, SourceSpan Span);

/// <summary>One entry of a region status series; holds from <see cref="From"/> until the next entry.</summary>
internal sealed record StatusEntry(LocalDate From, ImmutableDictionary<string, FactValue> Values);

/// <summary>Status series of a region by name (e.g. <c>ppkm</c>), entries sorted by date.</summary>
internal sealed record RegionStatus(string Region, ImmutableDictionary<string, ImmutableArray<StatusEntry>> Series);

/// <summary>Working days and holidays.</summary>
internal sealed record CalendarFacts(ImmutableHashSet<IsoDayOfWeek> Workweek, ImmutableHashSet<LocalDate> Holidays)
{
    /// <summary>Monday to Friday, no holidays: what a facts file without a calendar means.</summary>
    public static CalendarFacts Default { get; } = new(
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday],
        ImmutableHashSet<LocalDate>.Empty);

    /// <summary>Whether <paramref name="date"/> is a working day.</summary>
    public bool IsWorkingDay(LocalDate date) => Workweek.Contains(date.DayOfWeek) && !Holidays.Contains(date);
}

/// <summary>An incident such as a confirmed positive case in a unit.</summary>
internal sealed record Incident(string Kind, string Unit, LocalDate Confirmed);

/// <summary>A check-in timestamp with its offset as given.</summary>
internal sealed record Checkin(string Employee, OffsetDateTime At);

/// <summary>Everything a facts file tells. <see cref="Incidents"/> is null when the file does not say (unknown).</summary>
internal sealed record FactsFile(
    string Path,
    CalendarFacts Calendar,
    ImmutableDictionary<string, RegionStatus> Regions,
    ImmutableArray<UnitFacts> Units,
    ImmutableArray<EmployeeFacts> Employees,
    ImmutableArray<Incident>? Incidents,
    ImmutableArray<Checkin> Checkins);
