using NodaTime;
using WorkPolicy.Parsing;

namespace WorkPolicy.Printing;

/// <summary>Weekday sets as text: runs of three or more days become ranges (<c>mon-thu</c>).</summary>
internal static class DaysText
{
    /// <summary>Canonical text, e.g. <c>mon-thu, sat</c>.</summary>
    public static string Of(IEnumerable<IsoDayOfWeek> days)
    {
        var sorted = days.Distinct().Order().ToList();
        var parts = new List<string>();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1) j++;
            if (j - i >= 2) parts.Add($"{Values.Name(sorted[i])}-{Values.Name(sorted[j])}");
            else for (var k = i; k <= j; k++) parts.Add(Values.Name(sorted[k]));
            i = j + 1;
        }
        return string.Join(", ", parts);
    }

    /// <summary>Parses items such as <c>mon-thu</c> or <c>fri</c>; null names the bad item.</summary>
    public static (SortedSet<IsoDayOfWeek>? Days, string? Bad) Parse(IEnumerable<string> items)
    {
        var days = new SortedSet<IsoDayOfWeek>();
        foreach (var item in items)
        {
            var parts = item.Trim().Split('-');
            if (parts.Length > 2 || !Values.TryDay(parts[0], out var first) || !Values.TryDay(parts[^1], out var last) || last < first)
                return (null, item);
            for (var d = first; d <= last; d++) days.Add(d);
        }
        return (days, null);
    }
}
