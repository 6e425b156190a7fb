using System.Collections;
using NodaTime;

namespace WorkPolicy.Rostering;

/// <summary>
/// A planned roster's places, held as a byte per employee and day (0: no place — a day the facts leave open) and read
/// as entries employee by employee, each one's days in order, made as they are read: a million employees over a month
/// are 30 MB here, where an entry object per place was gigabytes.
/// </summary>
internal sealed class RosterPlaces : IReadOnlyCollection<RosterEntry>
{
    private readonly string[] _employees;
    private readonly LocalDate _start;
    private readonly int _days;
    private readonly byte[] _places;
    private int? _count;

    public RosterPlaces(string[] employees, DateInterval dates)
    {
        _employees = employees;
        _start = dates.Start;
        _days = dates.Length;
        _places = new byte[checked((long)employees.Length * _days)];
    }

    /// <summary>Places the employee at <paramref name="row"/> (their index in the facts) on the <paramref name="day"/>-th day of the period.</summary>
    public void Set(int row, int day, RosterPlace place) => _places[(long)row * _days + day] = (byte)(place + 1);

    /// <summary>How many places are given.</summary>
    public int Count => _count ??= _places.Count(p => p != 0);

    public IEnumerator<RosterEntry> GetEnumerator()
    {
        for (var e = 0; e < _employees.Length; e++)
        {
            for (var d = 0; d < _days; d++)
            {
                var cell = _places[(long)e * _days + d];
                if (cell != 0) yield return new RosterEntry(_employees[e], _start.PlusDays(d), (RosterPlace)(cell - 1));
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
