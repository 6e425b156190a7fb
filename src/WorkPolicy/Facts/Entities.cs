using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Diagnostics;

namespace WorkPolicy.Facts;

/// <summary>A work unit; <see cref="Fields"/> holds vocabulary fields by key (e.g. <c>kind</c>).</summary>
internal sealed record UnitFacts(string Id, string? Name, string Region, string? Parent, IReadOnlyDictionary<string, FactValue> Fields, SourceSpan Span);

/// <summary>An employee; <see cref="Fields"/> holds vocabulary fields by dotted key (e.g. <c>health.healthy</c>).</summary>
internal sealed record EmployeeFacts(string Id, string Unit, IReadOnlyDictionary<string, FactValue> Fields, SourceSpan Span)
{
    /// <summary>Personal facts that change by date, series by name (e.g. <c>isolation</c>), entries sorted by date and not overlapping.</summary>
    public ImmutableDictionary<string, ImmutableArray<StatusEntry>> Status { get; init; } = ImmutableDictionary<string, ImmutableArray<StatusEntry>>.Empty;
}

/// <summary>
/// One entry of a dated series (a region's status, an employee's): it holds from <see cref="From"/> until the next
/// entry starts, or until <see cref="Until"/> (inclusive) when it states one.
/// </summary>
internal sealed record StatusEntry(LocalDate From, ImmutableDictionary<string, FactValue> Values)
{
    /// <summary>The last day the entry holds, or null: until the next entry.</summary>
    public LocalDate? Until { get; init; }

    /// <summary>Where the entry is written (for diagnostics); not part of its value.</summary>
    public SourceSpan Span { get; init; } = SourceSpan.None;

    /// <summary>Entries are equal by their dates and values, wherever they are written.</summary>
    public bool Equals(StatusEntry? other) => other is not null && From == other.From && Until == other.Until && Values.Count == other.Values.Count && Values.All(kv => other.Values.TryGetValue(kv.Key, out var v) && Equals(v, kv.Value));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(From, Until, Values.Count);

    /// <summary>The entry of <paramref name="entries"/> (sorted by date) that holds on <paramref name="date"/>, or null.</summary>
    public static StatusEntry? On(ImmutableArray<StatusEntry> entries, LocalDate date)
    {
        StatusEntry? holding = null;
        foreach (var e in entries)
        {
            if (e.From > date) break;
            holding = e;
        }
        return holding is { Until: { } until } && date > until ? null : holding;
    }
}

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
