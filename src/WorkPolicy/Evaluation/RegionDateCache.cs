using NodaTime;
using WorkPolicy.Facts;

namespace WorkPolicy.Evaluation;

/// <summary>
/// Values of a pure function of region and date, made on first use: those of the current date by the
/// facts' region number (a batch over one date finds them with one array read), others by region and
/// date up to a cap past which they are made anew. Keeping them changes no answer.
/// </summary>
internal sealed class RegionDateCache<T>(int regions, Func<string, LocalDate, T> make) where T : class
{
    private const int MaxKept = 4096;
    private readonly Dictionary<(string Region, LocalDate Date), T> _kept = [];
    private readonly T?[] _ofDate = new T?[regions];
    private LocalDate _date;

    public T Get(EmployeeRow employee, LocalDate date)
    {
        if (date != _date)
        {
            Array.Clear(_ofDate);
            _date = date;
        }
        var n = employee.RegionNumber;
        if ((uint)n < (uint)_ofDate.Length && _ofDate[n] is { } today) return today;
        var value = Get(employee.Region, date);
        if ((uint)n < (uint)_ofDate.Length) _ofDate[n] = value;
        return value;
    }

    public T Get(string region, LocalDate date)
    {
        if (_kept.TryGetValue((region, date), out var value)) return value;
        // A long range of dates would keep a value per region and day for good.
        if (_kept.Count >= MaxKept) _kept.Clear();
        return _kept[(region, date)] = make(region, date);
    }
}
