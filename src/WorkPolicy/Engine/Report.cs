using System.Text;

namespace WorkPolicy;

/// <summary>
/// What a job of the engine reports, readable two ways: as the text the <c>workpolicy</c> command prints
/// (<see cref="ToString"/>, <see cref="WriteText"/>) and as the JSON of <c>--format json</c>
/// (<see cref="ToJson"/>, <see cref="WriteJson"/>). Two reports are equal when their JSON is: the JSON holds
/// every part of a report, lists compared by content and in order.
/// </summary>
public abstract class Report : IEquatable<Report>
{
    private protected Report()
    {
    }

    /// <summary>Writes the report as the command prints it.</summary>
    public abstract void WriteText(TextWriter writer);

    /// <summary>Writes the report as UTF-8 JSON (indented, the shape of docs/decisions.md).</summary>
    public abstract void WriteJson(Stream stream);

    /// <summary>The JSON text of the report.</summary>
    public string ToJson()
    {
        using var ms = new MemoryStream();
        WriteJson(ms);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>The report as the command prints it (lines end with <c>\n</c>).</summary>
    public override string ToString()
    {
        var w = new StringWriter { NewLine = "\n" };
        WriteText(w);
        return w.ToString();
    }

    /// <summary>Equal when both are of one kind and their JSON is the same.</summary>
    public bool Equals(Report? other) => other is not null && other.GetType() == GetType() && other.ToJson() == ToJson();

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Report);

    /// <inheritdoc/>
    public override int GetHashCode() => ToJson().GetHashCode(StringComparison.Ordinal);
}
