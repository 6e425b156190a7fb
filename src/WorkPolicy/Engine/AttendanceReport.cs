using System.Collections.Immutable;
using System.Text.Json.Serialization;
using NodaTime;
using WorkPolicy.Parsing;
using WorkPolicy.Output;
using WorkPolicy.Printing;

namespace WorkPolicy;

/// <summary>Check-in compliance over a period (<see cref="Rosters.Attendance"/>).</summary>
public sealed record AttendanceReport : Report
{
    [JsonConstructor]
    internal AttendanceReport(ValueList<AttendanceDay> days, ValueList<UnitAttendance> units)
    {
        Days = days;
        Units = units;
    }

    /// <summary>Every working-from-home day with required windows.</summary>
    public ValueList<AttendanceDay> Days { get; }

    /// <summary>Totals per unit.</summary>
    public ValueList<UnitAttendance> Units { get; }

    /// <summary>Why days were not checked (a check-in with no window, optional days no roster places), so an empty report says why.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] // only when there is something to say
    public ValueList<string> Notes { get; init; } = new([]);

    /// <inheritdoc/>
    public override void WriteText(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var d in Days)
        {
            var cells = d.Windows.Select(c => $"{DslPrinter.WindowText(c.Window)} {(c.Met ? "met " + Values.Text(c.At!.Value) : "MISSED")}");
            writer.WriteLine($"{d.Employee}  {Values.Text(d.Date)}  {d.Unit}  {string.Join("; ", cells)}");
        }
        writer.WriteLine();
        writer.WriteLine("UNIT  REQUIRED  MET  MISSED");
        foreach (var u in Units) writer.WriteLine($"{u.Unit}  {u.Required}  {u.Met}  {u.Missed}");
        foreach (var note in Notes) writer.WriteLine($"note: {note}");
    }
}
