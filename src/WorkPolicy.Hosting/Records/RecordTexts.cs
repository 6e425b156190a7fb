using NodaTime.Text;

namespace WorkPolicy.Hosting;

/// <summary>
/// A record as the eight texts a SQLite row and a landing frame keep, in the table's column order (id, at, revision,
/// employee, date, mode, decision, facts): written and read back in one place, so the log and the table cannot differ.
/// </summary>
internal static class RecordTexts
{
    /// <summary>How many texts a record is.</summary>
    public const int Count = 8;

    /// <summary>The <paramref name="column"/>-th text of <paramref name="r"/>.</summary>
    public static string Of(DecisionRecord r, int column) => column switch
    {
        0 => r.Id,
        1 => InstantPattern.ExtendedIso.Format(r.At),
        2 => r.Revision,
        3 => r.Employee,
        4 => LocalDatePattern.Iso.Format(r.Date),
        5 => r.Mode.ToString(),
        6 => r.Decision,
        7 => r.Facts,
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };

    /// <summary>The record whose texts <paramref name="column"/> gives, asked in column order.</summary>
    public static DecisionRecord Read(Func<int, string> column)
    {
        var (id, at, revision, employee, date, mode, decision, facts) = (column(0), column(1), column(2), column(3), column(4), column(5), column(6), column(7));
        return new(id, InstantPattern.ExtendedIso.Parse(at).Value, revision, employee, LocalDatePattern.Iso.Parse(date).Value, Enum.Parse<WorkMode>(mode), decision, facts);
    }
}
