using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace WorkPolicy.Parsing;

/// <summary>Strict parsing of dates and times shared by the DSL and YAML loaders.</summary>
internal static class Values
{
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <summary>Parses <c>yyyy-mm-dd</c>; false for impossible dates like 2021-02-30.</summary>
    public static bool TryDate(string text, out LocalDate date)
    {
        var r = LocalDatePattern.Iso.Parse(text);
        date = r.Success ? r.Value : default;
        return r.Success;
    }

    /// <summary>Parses <c>hh:mm</c>; false for impossible times like 25:61.</summary>
    public static bool TryTime(string text, out LocalTime time)
    {
        var r = Time.Parse(text);
        time = r.Success ? r.Value : default;
        return r.Success;
    }

    /// <summary>Parses a decimal number; false for malformed text and for values too large for a decimal.</summary>
    public static bool TryNumber(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    /// <summary>The canonical text of a date.</summary>
    public static string Text(LocalDate d) => LocalDatePattern.Iso.Format(d);

    /// <summary>The canonical text of a time.</summary>
    public static string Text(LocalTime t) => Time.Format(t);

    /// <summary>The canonical text of a decimal.</summary>
    public static string Text(decimal d) => d.ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>Short weekday names used in files.</summary>
    public static readonly IReadOnlyList<(IsoDayOfWeek Day, string Name)> Days =
    [
        (IsoDayOfWeek.Monday, "mon"), (IsoDayOfWeek.Tuesday, "tue"), (IsoDayOfWeek.Wednesday, "wed"),
        (IsoDayOfWeek.Thursday, "thu"), (IsoDayOfWeek.Friday, "fri"), (IsoDayOfWeek.Saturday, "sat"),
        (IsoDayOfWeek.Sunday, "sun"),
    ];

    /// <summary>Parses a weekday name.</summary>
    public static bool TryDay(string name, out IsoDayOfWeek day)
    {
        foreach (var (d, n) in Days)
        {
            if (n == name) { day = d; return true; }
        }
        day = default;
        return false;
    }

    /// <summary>The name of a weekday.</summary>
    public static string Name(IsoDayOfWeek day) => Days.First(d => d.Day == day).Name;

    /// <summary>Parses a duration such as <c>15m</c>, <c>2h</c>, <c>3d</c>.</summary>
    public static bool TryDuration(string text, out int amount, out char unit)
    {
        unit = text.Length > 0 ? text[^1] : ' ';
        amount = 0;
        return text.Length > 1 && unit is 'm' or 'h' or 'd' && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out amount);
    }
}
