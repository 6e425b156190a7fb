using NodaTime;

namespace WorkPolicy;

/// <summary>A time window of a day, in the obligation's zone; a fixed time has <c>From == To</c>.</summary>
/// <param name="From">Start, inclusive.</param>
/// <param name="To">End, inclusive (to the minute).</param>
public sealed record TimeWindow(LocalTime From, LocalTime To);
