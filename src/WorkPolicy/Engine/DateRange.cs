using NodaTime;

namespace WorkPolicy;

/// <summary>The dates a job is asked for: one place that refuses a reversed range, with the caller's parameter named.</summary>
internal static class DateRange
{
    /// <summary>From <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    /// <exception cref="ArgumentException">The last date is before the first (parameter <c>to</c>).</exception>
    public static DateInterval Of(LocalDate from, LocalDate to) =>
        to < from ? throw new ArgumentException($"the last date {to:uuuu-MM-dd} is before the first {from:uuuu-MM-dd}", nameof(to)) : new DateInterval(from, to);

    /// <summary>Every date of the range, in order.</summary>
    public static LocalDate[] Days(LocalDate from, LocalDate to) => [.. Of(from, to)];
}
