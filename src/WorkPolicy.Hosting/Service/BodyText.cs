using System.Text.Json;

namespace WorkPolicy.Hosting;

/// <summary>
/// Finds a string of a parsed body that cannot be read as text. <see cref="JsonDocument"/> accepts invalid UTF-8 and
/// unpaired escaped surrogates (<c>"\ud800"</c>) and only throws when a string is read — deep in an endpoint, as a 500.
/// Checking every name and string once, right after parsing, makes them a 400 naming where they are.
/// </summary>
internal static class BodyText
{
    /// <summary>The JSON path of the first unreadable name or string, or null when every one is text.</summary>
    /// <remarks>
    /// A body of 250,000 ids is checked without a string made: a value with no escape is valid when its raw UTF-8 is;
    /// only escaped values are unescaped to see (an unpaired <c>\ud800</c> is valid UTF-8 as written). Paths are made
    /// only when something is wrong.
    /// </remarks>
    public static string? FirstUnreadable(JsonElement root) => AllReadable(root) ? null : Where(root);

    private static bool AllReadable(JsonElement root)
    {
        var pending = new Stack<JsonElement>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var element = pending.Pop();
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element);
                    if (Escaped(raw) ? !Readable(element) : !System.Text.Unicode.Utf8.IsValid(raw)) return false;
                    break;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        var name = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(property);
                        if (Escaped(name) ? !Readable(property) : !System.Text.Unicode.Utf8.IsValid(name)) return false;
                        pending.Push(property.Value);
                    }
                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray()) pending.Push(item);
                    break;
            }
        }
        return true;
    }

    private static bool Escaped(ReadOnlySpan<byte> raw) => raw.IndexOf((byte)'\\') >= 0;

    private static bool Readable(JsonElement text) => Readable(() => text.GetString());

    private static bool Readable(JsonProperty property) => Readable(() => property.Name);

    private static string? Where(JsonElement root)
    {
        // Iterative: the depth is already bounded by the parser (64), but no recursion is needed to walk it.
        var pending = new Stack<(JsonElement Element, string Path)>();
        pending.Push((root, "$"));
        while (pending.Count > 0)
        {
            var (element, path) = pending.Pop();
            switch (element.ValueKind)
            {
                case JsonValueKind.String when !Readable(() => element.GetString()):
                    return path;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (!Readable(() => property.Name)) return path + ".<name>";
                        pending.Push((property.Value, $"{path}.{property.Name}"));
                    }
                    break;
                case JsonValueKind.Array:
                    var i = 0;
                    foreach (var item in element.EnumerateArray()) pending.Push((item, $"{path}[{i++}]"));
                    break;
            }
        }
        return null;
    }

    private static bool Readable(Func<string?> read)
    {
        try
        {
            read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
