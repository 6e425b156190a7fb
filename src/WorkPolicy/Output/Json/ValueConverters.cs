using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NodaTime;
using WorkPolicy.Parsing;

namespace WorkPolicy.Output.Json;

// The value types of results as their documents write them: dates and times in ISO form, modes and places as the
// rule files' words. Each converter is closed over its type (no factory, no reflection), so the context stays usable
// under trimming and Native AOT.

/// <summary>A date as <c>2021-07-30</c>.</summary>
internal sealed class LocalDateJson : JsonConverter<LocalDate>
{
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Values.TryDate(reader.GetString() ?? "", out var date) ? date : throw new JsonException($"'{reader.GetString()}' is not a date (YYYY-MM-DD)");

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) => writer.WriteStringValue(Values.Text(value));
}

/// <summary>A time of day as <c>07:30</c>.</summary>
internal sealed class LocalTimeJson : JsonConverter<LocalTime>
{
    public override LocalTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Values.TryTime(reader.GetString() ?? "", out var time) ? time : throw new JsonException($"'{reader.GetString()}' is not a time of day (HH:MM)");

    public override void Write(Utf8JsonWriter writer, LocalTime value, JsonSerializerOptions options) => writer.WriteStringValue(Values.Text(value));
}

/// <summary>A mode as its word: <c>office</c>, <c>home</c>, <c>rotation</c>, <c>indeterminate</c>, <c>not-covered</c>.</summary>
internal sealed class WorkModeJson : JsonConverter<WorkMode>
{
    public override WorkMode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        WorkModes.TryParse(reader.GetString() ?? "", out var mode) ? mode : throw new JsonException($"'{reader.GetString()}' is not a mode");

    public override void Write(Utf8JsonWriter writer, WorkMode value, JsonSerializerOptions options) => writer.WriteStringValue(value.Word());
}

/// <summary>A severity as <c>error</c> or <c>warning</c>.</summary>
internal sealed class SeverityJson : JsonConverter<Severity>
{
    public override Severity Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString());

    /// <summary>The severity of its word; a JSON error naming any other.</summary>
    public static Severity Parse(string? word) => word switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        _ => throw new JsonException($"'{word}' is not a severity"),
    };

    public override void Write(Utf8JsonWriter writer, Severity value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value == Severity.Error ? "error" : "warning");
}

/// <summary>
/// A <see cref="ValueList{T}"/> as a JSON array, its items by the context's own contract for <typeparamref name="T"/>.
/// Closed per item type in <see cref="PolicyJsonContext"/>: a converter factory would need <c>MakeGenericType</c>.
/// </summary>
internal sealed class ValueListJson<T> : JsonConverter<ValueList<T>>
{
    public override ValueList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("expected an array");
        var item = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        var items = ImmutableArray.CreateBuilder<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) items.Add(JsonSerializer.Deserialize(ref reader, item)!);
        return new ValueList<T>(items.ToImmutable());
    }

    public override void Write(Utf8JsonWriter writer, ValueList<T> value, JsonSerializerOptions options)
    {
        var item = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        writer.WriteStartArray();
        foreach (var x in value) JsonSerializer.Serialize(writer, x, item);
        writer.WriteEndArray();
    }
}

/// <summary>A window and whether a check-in fell in it, flat: <c>{ from, to, met, at? }</c>.</summary>
internal sealed class WindowAttendanceJson : JsonConverter<WindowAttendance>
{
    public override WindowAttendance Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var e = document.RootElement;
        static LocalTime Time(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && Values.TryTime(v.GetString()!, out var t) ? t : throw new JsonException($"a window needs '{name}' as a time of day");
        LocalTime? at = e.TryGetProperty("at", out var a) && a.ValueKind == JsonValueKind.String ? Time(e, "at") : null;
        return new WindowAttendance(new TimeWindow(Time(e, "from"), Time(e, "to")), e.TryGetProperty("met", out var m) && m.ValueKind == JsonValueKind.True, at);
    }

    public override void Write(Utf8JsonWriter writer, WindowAttendance value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("from", Values.Text(value.Window.From));
        writer.WriteString("to", Values.Text(value.Window.To));
        writer.WriteBoolean("met", value.Met);
        if (value.At is { } at) writer.WriteString("at", Values.Text(at));
        writer.WriteEndObject();
    }
}

/// <summary>A weekday as its lower-case English name (<c>monday</c>).</summary>
internal sealed class IsoDayOfWeekJson : JsonConverter<IsoDayOfWeek>
{
    public override IsoDayOfWeek Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Enum.TryParse<IsoDayOfWeek>(reader.GetString(), ignoreCase: true, out var day) && day != IsoDayOfWeek.None ? day : throw new JsonException($"'{reader.GetString()}' is not a weekday");

    public override void Write(Utf8JsonWriter writer, IsoDayOfWeek value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString().ToLowerInvariant());
}
