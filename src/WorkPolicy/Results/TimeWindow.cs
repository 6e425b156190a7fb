using NodaTime;

namespace WorkPolicy;

/// <summary>A time window of a day, in the obligation's zone; a fixed time has <c>From == To</c>.</summary>
/// <param name="From">Start, inclusive.</param>
/// <param name="To">End, inclusive (to the minute).</param>
public sealed record TimeWindow(LocalTime From, LocalTime To)
{
    /// <summary>E.g. <c>07:00-07:30</c>, or <c>07:00</c> for a fixed time.</summary>
    public override string ToString() =>
        From == To ? From.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)
            : From.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) + "-" + To.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
