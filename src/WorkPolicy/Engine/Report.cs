using System.Text;
using System.Text.Json;
using WorkPolicy.Output.Json;

namespace WorkPolicy;

/// <summary>
/// What a job of the engine reports: a plain record, readable two ways — as the text the <c>workpolicy</c> command
/// prints (<see cref="ToString"/>, <see cref="WriteText"/>) and as the JSON of <c>--format json</c>
/// (<see cref="ToJson"/>, <see cref="WriteJson"/>), which <see cref="PolicyJson.Deserialize{TReport}(string)"/> reads
/// back equal. Two reports are equal when their members are (lists by content and in order).
/// </summary>
/// <example>
/// <code>
/// var report = engine.Check();
/// string json = report.ToJson();
/// var again = PolicyJson.Deserialize&lt;CheckReport&gt;(json);   // again == report
/// </code>
/// </example>
public abstract record Report
{
    private protected Report()
    {
    }

    /// <summary>Writes the report as the command prints it.</summary>
    public abstract void WriteText(TextWriter writer);

    /// <summary>Writes the report as UTF-8 JSON (indented, the shape of docs/decisions.md).</summary>
    public virtual void WriteJson(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        JsonSerializer.Serialize(stream, this, PolicyJsonContext.Contract(GetType()));
    }

    /// <summary>The JSON text of the report.</summary>
    public string ToJson()
    {
        using var ms = new MemoryStream();
        WriteJson(ms);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>The report as the command prints it (lines end with <c>\n</c>).</summary>
    public sealed override string ToString()
    {
        var w = new StringWriter { NewLine = "\n" };
        WriteText(w);
        return w.ToString();
    }
}
