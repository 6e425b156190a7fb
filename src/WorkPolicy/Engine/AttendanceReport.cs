using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Parsing;
using WorkPolicy.Output;
using WorkPolicy.Printing;

namespace WorkPolicy;

/// <summary>Check-in compliance over a period (<see cref="PolicyEngine.Attendance"/>).</summary>
public sealed class AttendanceReport : Report
{
    internal AttendanceReport(ImmutableArray<AttendanceDay> days, ImmutableArray<UnitAttendance> units)
    {
        Days = days;
        Units = units;
    }

    /// <summary>Every working-from-home day with required windows.</summary>
    public ValueList<AttendanceDay> Days { get; }

    /// <summary>Totals per unit.</summary>
    public ValueList<UnitAttendance> Units { get; }

    /// <summary>Why days were not checked (a check-in with no window, optional days no roster places), so an empty report says why.</summary>
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

    /// <inheritdoc/>
    public override void WriteJson(Stream stream) => JsonText.WriteTo(stream, w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("days");
        foreach (var d in Days)
        {
            w.WriteStartObject();
            w.WriteString("employee", d.Employee);
            w.WriteString("unit", d.Unit);
            w.WriteString("date", Values.Text(d.Date));
            w.WriteString("zone", d.Zone);
            w.WriteStartArray("windows");
            foreach (var c in d.Windows)
            {
                w.WriteStartObject();
                w.WriteString("from", Values.Text(c.Window.From));
                w.WriteString("to", Values.Text(c.Window.To));
                w.WriteBoolean("met", c.Met);
                if (c.At is { } at) w.WriteString("at", Values.Text(at));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("units");
        foreach (var u in Units)
        {
            w.WriteStartObject();
            w.WriteString("unit", u.Unit);
            w.WriteNumber("required", u.Required);
            w.WriteNumber("met", u.Met);
            w.WriteNumber("missed", u.Missed);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        // Only when there is something to say: reports without notes are written as before.
        if (Notes.Count > 0)
        {
            w.WriteStartArray("notes");
            foreach (var note in Notes) w.WriteStringValue(note);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    });
}
