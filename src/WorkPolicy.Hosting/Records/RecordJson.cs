using System.Text.Json;
using NodaTime.Text;

namespace WorkPolicy.Hosting;

/// <summary>
/// A kept record as JSON — <c>{ id, at, revision, employee, date, decision, facts }</c> — for <c>GET /v1/records</c>
/// and <c>workpolicy records export</c> alike. The decision is written as it was answered; the facts (kept one record
/// a line) compact, so an exported record is one line.
/// </summary>
internal static class RecordJson
{
    public static void Write(Utf8JsonWriter writer, DecisionRecord record)
    {
        writer.WriteStartObject();
        writer.WriteString("id", record.Id);
        writer.WriteString("at", InstantPattern.ExtendedIso.Format(record.At));
        writer.WriteString("revision", record.Revision);
        writer.WriteString("employee", record.Employee);
        writer.WriteString("date", LocalDatePattern.Iso.Format(record.Date));
        writer.WritePropertyName("decision");
        writer.WriteRawValue(record.Decision, skipInputValidation: false);
        writer.WritePropertyName("facts");
        writer.WriteRawValue(record.Facts.Replace("\n", "", StringComparison.Ordinal), skipInputValidation: false);
        writer.WriteEndObject();
    }
}
