using System.Globalization;
using System.Text;

namespace WorkPolicy.Diagnostics;

/// <summary>One thing a code of the catalogue says: its descriptor and a composite format (see <see cref="DiagnosticMessages"/>).</summary>
/// <param name="Descriptor">The code, severity, title and help.</param>
/// <param name="Format">The words, with holes <c>{0}</c>, <c>{1}</c>… that the reporting site fills; formatted invariantly.</param>
internal sealed record DiagnosticMessage(DiagnosticDescriptor Descriptor, string Format)
{
    /// <summary>The most characters of one value a message quotes; a longer value is cut and its length said.</summary>
    public const int MostQuoted = 200;

    /// <summary>The message text with <paramref name="args"/> in its holes, each text quoted short and printable (<see cref="Quote"/>).</summary>
    public string Text(ReadOnlySpan<object?> args)
    {
        var shown = new object?[args.Length];
        for (var i = 0; i < args.Length; i++) shown[i] = args[i] is string s ? Quote(s) : args[i];
        return string.Format(CultureInfo.InvariantCulture, Format, shown);
    }

    /// <summary>
    /// A value from the input as a message shows it: control characters written as escapes (an ESC in a code must
    /// not reach a terminal raw), at most <see cref="MostQuoted"/> characters and then how long it was (a 200 MB
    /// string is not echoed whole). A short, plain value is itself.
    /// </summary>
    public static string Quote(string value)
    {
        if (value.Length <= MostQuoted && !value.Any(char.IsControl)) return value;
        var shown = new StringBuilder(Math.Min(value.Length, MostQuoted) + 32);
        foreach (var c in value.AsSpan(0, Math.Min(value.Length, MostQuoted)))
        {
            if (!char.IsControl(c)) shown.Append(c);
            else shown.Append(c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => $"\\u{(int)c:X4}" });
        }
        if (value.Length > MostQuoted) shown.Append(CultureInfo.InvariantCulture, $"… ({value.Length:N0} characters)");
        return shown.ToString();
    }
}
