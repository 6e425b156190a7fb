using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using WorkPolicy.Ast;

namespace WorkPolicy.Output;

/// <summary>
/// Reads a decision back from the JSON <see cref="DecisionJson"/> writes. JSON keeps obligation details as strings,
/// lists and numbers: a string that reads as a duration (<c>3d</c>) is one, a list is codes, a number a number; a
/// percentage comes back as its number.
/// </summary>
internal static class DecisionJsonReader
{
    private static readonly string[] ObligationKeys = ["kind", "zone", "windows", "circular", "provision", "pending"];

    public static Decision Read(JsonElement e)
    {
        var employee = Text(e, "employee");
        var date = LocalDatePattern.Iso.Parse(Text(e, "date")).GetValueOrThrow();
        var mode = Enum.GetValues<WorkMode>().FirstOrDefault(m => m.Word() == Text(e, "mode"), (WorkMode)(-1));
        if ((int)mode < 0) throw new JsonException($"'{Text(e, "mode")}' is not a mode");
        NotCoveredReason? reason = e.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String
            ? r.GetString() == NotCoveredReason.NoProvisionFits.Word() ? NotCoveredReason.NoProvisionFits : NotCoveredReason.NoCircularInForce
            : null;
        return new Decision(
            employee, date, mode,
            Strings(e, "circulars"),
            [.. Array(e, "provisions").Select(p => new ProvisionRef(Text(p, "id"), Text(p, "circular"), Text(p, "cite")))],
            [.. Array(e, "obligations").Select(Obligation)],
            Pool(e),
            Strings(e, "unknown")) { Reason = reason };
    }

    private static ObligationResult Obligation(JsonElement o)
    {
        var properties = ImmutableArray.CreateBuilder<PropertyDecl>();
        foreach (var p in o.EnumerateObject())
        {
            if (ObligationKeys.Contains(p.Name)) continue;
            PropertyValue value = p.Value.ValueKind switch
            {
                JsonValueKind.Array => new CodeListValue([.. p.Value.EnumerateArray().Select(x => x.GetString() ?? "")]),
                JsonValueKind.Number => new NumberValue(p.Value.GetDecimal()),
                _ => Duration(p.Value.GetString() ?? "") ?? Percent(p.Value.GetString() ?? "") ?? (PropertyValue)new TextValue(p.Value.GetString() ?? ""),
            };
            properties.Add(new PropertyDecl(p.Name, value, SourceSpan.None));
        }
        ImmutableArray<TimeWindow>? windows = o.TryGetProperty("windows", out var ws) && ws.ValueKind == JsonValueKind.Array
            ? [.. ws.EnumerateArray().Select(w => new TimeWindow(Time(Text(w, "from")), Time(Text(w, "to"))))]
            : null;
        var every = properties.FirstOrDefault(p => p.Key == "every")?.Value is DurationValue { Unit: 'd' } d ? d.Amount : (int?)null;
        return new ObligationResult(Text(o, "kind"), Text(o, "circular"), Text(o, "provision"), Text(o, "zone"), properties.ToImmutable(), windows, every)
        {
            Pending = o.TryGetProperty("pending", out var pending) && pending.ValueKind == JsonValueKind.True,
        };
    }

    /// <summary>A share as written (<c>"25%"</c>), read back as the share it was.</summary>
    private static PercentValue? Percent(string s) =>
        s.Length >= 2 && s[^1] == '%' && decimal.TryParse(s[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) ? new PercentValue(n) : null;

    private static DurationValue? Duration(string s) =>
        s.Length >= 2 && s[^1] is 'd' or 'h' or 'm' && int.TryParse(s[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? new DurationValue(n, s[^1]) : null;

    private static PoolAssignment? Pool(JsonElement e)
    {
        if (!e.TryGetProperty("pool", out var p) || p.ValueKind != JsonValueKind.Object) return null;
        var q = p.GetProperty("quota");
        var rounding = Text(q, "rounding") switch { "up" => Rounding.Up, "nearest" => Rounding.Nearest, "turns" => Rounding.Turns, _ => Rounding.Down };
        var bound = Text(q, "bound");
        return new PoolAssignment(Text(p, "group"), Text(p, "unit"), Text(q, "place") == "home" ? QuotaPlace.Home : QuotaPlace.Office,
            q.GetProperty("percent").GetDecimal(), rounding, bound == "at-most")
        {
            AtLeast = bound == "at-least",
            PercentHigh = bound == "between" && q.TryGetProperty("percent_high", out var high) ? high.GetDecimal() : null,
            MinPersons = q.TryGetProperty("min_persons", out var min) ? min.GetInt32() : 0,
            NoConsecutiveOffice = q.TryGetProperty("no_consecutive_office_days", out var apart) && apart.ValueKind == JsonValueKind.True,
            CycleOffice = q.TryGetProperty("cycle", out var cycle) ? cycle.GetProperty("office").GetInt32() : null,
            CycleHome = q.TryGetProperty("cycle", out var again) ? again.GetProperty("home").GetInt32() : null,
            GroupBy = q.TryGetProperty("cycle", out var grouped) && grouped.TryGetProperty("groups_by", out var by) ? by.GetString() : null,
        };
    }

    private static LocalTime Time(string s) => LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(s).GetValueOrThrow();

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new JsonException($"a decision needs '{name}' as a string");

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    private static ImmutableArray<string> Strings(JsonElement e, string name) => [.. Array(e, name).Select(x => x.GetString() ?? "")];
}
