using System.Buffers;
using System.Globalization;
using System.Text;

namespace WorkPolicy.Cli.Output;

/// <summary>
/// What the command writes for people, with the characters that would act on a terminal written as escapes
/// (<c>\u001B</c>): the C0 and C1 controls but newline and tab, DEL, the bidirectional overrides that reorder what a
/// reader sees, and a carriage return not followed by a newline (it would write the rest of a line over its start).
/// Facts come from HR exports and requests: an employee id holding an escape sequence must not set the terminal's
/// title or colours when a table names that employee. JSON is escaped by its writer.
/// </summary>
internal sealed class PrintableWriter(TextWriter inner) : TextWriter(CultureInfo.InvariantCulture)
{
    private static readonly SearchValues<char> Acting = SearchValues.Create(ActingCharacters());

    /// <summary>The writer escaped characters go to.</summary>
    public TextWriter Inner { get; } = inner;

    /// <summary>The writer under <paramref name="writer"/> when it is a printable one (JSON, and the console check, go there).</summary>
    public static TextWriter Unwrap(TextWriter writer) => writer is PrintableWriter printable ? printable.Inner : writer;

    /// <inheritdoc/>
    public override Encoding Encoding => Inner.Encoding;

    /// <inheritdoc/>
    public override void Write(char value)
    {
        // A carriage return alone is let through: it may be the first half of a line end written a character at a time.
        if (Acting.Contains(value) && value != '\r') Escape(value);
        else Inner.Write(value);
    }

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<char> buffer)
    {
        while (buffer.Length > 0)
        {
            var at = buffer.IndexOfAny(Acting);
            if (at < 0)
            {
                Inner.Write(buffer);
                return;
            }
            Inner.Write(buffer[..at]);
            // A line end (\r\n, or \r last in what was given) is written as it is.
            if (buffer[at] == '\r' && (at + 1 == buffer.Length || buffer[at + 1] == '\n')) Inner.Write('\r');
            else Escape(buffer[at]);
            buffer = buffer[(at + 1)..];
        }
    }

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    /// <inheritdoc/>
    public override void Write(string? value) => Write(value.AsSpan());

    /// <inheritdoc/>
    public override void WriteLine(string? value)
    {
        Write(value.AsSpan());
        Inner.WriteLine();
    }

    /// <inheritdoc/>
    public override void WriteLine() => Inner.WriteLine();

    /// <inheritdoc/>
    public override void Flush() => Inner.Flush();

    private void Escape(char c) => Inner.Write(string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"));

    private static string ActingCharacters()
    {
        var acting = new StringBuilder();
        for (var c = '\0'; c < ' '; c++)
            if (c is not '\n' and not '\t') acting.Append(c);
        for (var c = '\u007F'; c <= '\u009F'; c++) acting.Append(c);
        acting.Append("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");
        return acting.ToString();
    }
}
