using NodaTime;
using WorkPolicy.Facts;

namespace WorkPolicy.Rostering;

/// <summary>
/// A roster given to be checked, held as one byte per employee of the facts and day of the period (0: no place given),
/// not as an entry object per place: a million employees over 22 working days are 22 MB, not gigabytes. Places for
/// days outside the period are not held; employees the facts do not know are named (the first ones) and counted.
/// A place given twice for one employee and day: the later one stands.
/// </summary>
internal sealed class RosterGrid
{
    /// <summary>Strangers named at most; the rest are counted.</summary>
    public const int MaxStrangersNamed = 1000;

    private readonly Dictionary<string, int> _employees;
    private readonly LocalDate _start;
    private readonly int _days;
    private readonly byte[] _places;
    private readonly SortedSet<string> _strangers = new(StringComparer.Ordinal);

    public RosterGrid(IReadOnlyList<EmployeeFacts> employees, DateInterval dates)
    {
        _employees = new Dictionary<string, int>(employees.Count, StringComparer.Ordinal);
        for (var i = 0; i < employees.Count; i++) _employees.TryAdd(employees[i].Id, i);
        _start = dates.Start;
        _days = dates.Length;
        _places = new byte[checked((long)employees.Count * _days)];
    }

    /// <summary>The employees the roster names but the facts do not know, in order (the first <see cref="MaxStrangersNamed"/>).</summary>
    public IReadOnlyCollection<string> Strangers => _strangers;

    /// <summary>How many distinct strangers there were beyond those named.</summary>
    public int MoreStrangers { get; private set; }

    public void Add(string employee, LocalDate date, RosterPlace place)
    {
        if (!_employees.TryGetValue(employee, out var row))
        {
            if (_strangers.Count < MaxStrangersNamed) _strangers.Add(employee);
            else if (!_strangers.Contains(employee)) MoreStrangers++;
            return;
        }
        var day = Period.DaysBetween(_start, date);
        if (day < 0 || day >= _days) return;
        _places[(long)row * _days + day] = (byte)(place + 1);
    }

    /// <summary>The place given to the employee at <paramref name="row"/> (their index in the facts) on <paramref name="date"/>, if any.</summary>
    public bool TryGet(int row, LocalDate date, out RosterPlace place)
    {
        var day = Period.DaysBetween(_start, date);
        var cell = (uint)day < (uint)_days ? _places[(long)row * _days + day] : (byte)0;
        place = cell == 0 ? default : (RosterPlace)(cell - 1);
        return cell != 0;
    }
}
