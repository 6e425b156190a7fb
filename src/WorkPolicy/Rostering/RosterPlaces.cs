using System.Collections;
using NodaTime;

namespace WorkPolicy.Rostering;

/// <summary>
/// A roster's places — planned, or given to be checked — held as a byte per employee of the facts and day of the period
/// (0: no place), read as entries employee by employee, each one's days in order, made as they are read: a million
/// employees over a month are 30 MB here, where an entry object per place was gigabytes. Places given by id
/// (<see cref="Add"/>) for days outside the period are not held; ids the facts do not know are named (the first
/// <see cref="MaxStrangersNamed"/>) and counted. A place given twice for one employee and day: the later one stands, and
/// <see cref="Add"/> says so (a roster file's reader reports it).
/// </summary>
internal sealed class RosterPlaces : IReadOnlyCollection<RosterEntry>
{
    /// <summary>Strangers named at most; the rest are counted.</summary>
    public const int MaxStrangersNamed = 1000;

    private readonly string[] _employees;
    private readonly LocalDate _start;
    private readonly int _days;
    private readonly byte[] _places;
    private Dictionary<string, int>? _rows;
    private readonly SortedSet<string> _strangers = new(StringComparer.Ordinal);
    private int? _count;

    public RosterPlaces(string[] employees, DateInterval dates)
    {
        _employees = employees;
        _start = dates.Start;
        _days = dates.Length;
        _places = new byte[checked((long)employees.Length * _days)];
    }

    /// <summary>Places the employee at <paramref name="row"/> (their index in the facts) on the <paramref name="day"/>-th day of the period.</summary>
    public void Set(int row, int day, RosterPlace place)
    {
        _places[(long)row * _days + day] = (byte)(place + 1);
        _count = null;
    }

    /// <summary>Places an employee named by id on a date (a roster read from a file): false when they had a place that day already.</summary>
    public bool Add(string employee, LocalDate date, RosterPlace place)
    {
        if (_rows is null)
        {
            _rows = new Dictionary<string, int>(_employees.Length, StringComparer.Ordinal);
            for (var i = 0; i < _employees.Length; i++) _rows.TryAdd(_employees[i], i);
        }
        if (!_rows.TryGetValue(employee, out var row))
        {
            if (_strangers.Count < MaxStrangersNamed) _strangers.Add(employee);
            else if (!_strangers.Contains(employee)) MoreStrangers++;
            return true;
        }
        var day = Period.DaysBetween(_start, date);
        if (day < 0 || day >= _days) return true;
        var again = _places[(long)row * _days + day] != 0;
        Set(row, day, place);
        return !again;
    }

    /// <summary>The place of the employee at <paramref name="row"/> on <paramref name="date"/>, if one is given.</summary>
    public bool TryGet(int row, LocalDate date, out RosterPlace place)
    {
        var day = Period.DaysBetween(_start, date);
        var cell = (uint)day < (uint)_days ? _places[(long)row * _days + day] : (byte)0;
        place = cell == 0 ? default : (RosterPlace)(cell - 1);
        return cell != 0;
    }

    /// <summary>The ids given that the facts do not know, in order (the first <see cref="MaxStrangersNamed"/>).</summary>
    public IReadOnlyCollection<string> Strangers => _strangers;

    /// <summary>How many distinct strangers there were beyond those named.</summary>
    public int MoreStrangers { get; private set; }

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
