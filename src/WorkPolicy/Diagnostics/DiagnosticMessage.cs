using System.Globalization;

namespace WorkPolicy.Rules.Diagnostics;

/// <summary>One thing a code of the catalogue says: its descriptor and a composite format (see <see cref="DiagnosticMessages"/>).</summary>
/// <param name="Descriptor">The code, severity, title and help.</param>
/// <param name="Format">The words, with holes <c>{0}</c>, <c>{1}</c>… that the reporting site fills; formatted invariantly.</param>
internal sealed record DiagnosticMessage(DiagnosticDescriptor Descriptor, string Format)
{
    /// <summary>The message text with <paramref name="args"/> in its holes.</summary>
    public string Text(ReadOnlySpan<object?> args) => string.Format(CultureInfo.InvariantCulture, Format, args);
}
