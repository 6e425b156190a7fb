using NodaTime;
using WorkPolicy.Rules.Facts;

namespace WorkPolicy.Rules.Evaluation;

/// <summary>
/// Day contexts already computed: those of the current date by region number (a batch over one
/// date reads them with one array access), others by region and date up to a cap. A context is a
/// pure function of region and date, so keeping it changes no answer.
/// </summary>
internal sealed class DayContexts(CompiledRules rules, FactIndex facts)
{
    private const int MaxKept = 4096;
    private readonly TimelineCache _timelines = new();
    private readonly Dictionary<(string Region, LocalDate Date), DayContext> _kept = [];
    private readonly DayContext?[] _ofDate = new DayContext?[facts.RegionCount];
    private LocalDate _date;

    public DayContext Get(EmployeeRow employee, LocalDate date)
    {
        if (date != _date)
        {
            Array.Clear(_ofDate);
            _date = date;
        }
        var n = employee.RegionNumber;
        if ((uint)n < (uint)_ofDate.Length && _ofDate[n] is { } today) return today;
        var day = Get(employee.Region, date);
        if ((uint)n < (uint)_ofDate.Length) _ofDate[n] = day;
        return day;
    }

    public DayContext Get(string region, LocalDate date)
    {
        if (_kept.TryGetValue((region, date), out var day)) return day;
        if (_kept.Count >= MaxKept) _kept.Clear();
        return _kept[(region, date)] = DayContext.For(rules, facts, region, date, _timelines);
    }
}
