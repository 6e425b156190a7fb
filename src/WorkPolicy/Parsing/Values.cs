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

    /// <summary>
    /// A share as a fraction of persons (<c>1/3</c>, <c>2/3</c>) or a percentage (<c>25</c>), as a number of percent:
    /// a fraction is held to 28 digits, and quotas round their products to twelve places (<see cref="Ast.Quotas"/>), so a
    /// third of three is one person, not 0.99… rounded down to none.
    /// </summary>
    public static bool TryShare(string text, out decimal percent)
    {
        percent = 0;
        var slash = text.IndexOf('/');
        if (slash < 0) return TryNumber(text, out percent);
        if (!decimal.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var over)
            || !decimal.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var under) || under == 0 || over > under) return false;
        percent = 100m * over / under;
        return true;
    }

    /// <summary>A share as written: <c>25%</c>, or <c>1/3</c> for a percentage no finite decimal holds (one that came from a fraction).</summary>
    public static string ShareText(decimal percent)
    {
        if (decimal.Round(percent, 10) == percent) return Text(percent) + "%";
        // The search for the fraction is remembered: tables print the share of every decision, and the shares are the
        // rules' few (bounded, so odd inputs cannot grow it).
        if (Fractions.TryGetValue(percent, out var known)) return known;
        var found = FractionText(percent);
        if (Fractions.Count < 1024) Fractions[percent] = found;
        return found;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<decimal, string> Fractions = new();

    private static string FractionText(decimal percent)
    {
        for (var under = 2; under <= 1000; under++)
        {
            var over = decimal.Round(percent * under / 100m, 10);
            if (over == decimal.Truncate(over)) return $"{over:0}/{under}";
        }
        return Text(decimal.Round(percent, 4)) + "%";
    }

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
