using WorkPolicy.Diagnostics;

namespace WorkPolicy;

/// <summary>How serious a diagnostic is.</summary>
public enum Severity
{
    /// <summary>The input cannot be used as it is.</summary>
    Error,
    /// <summary>The input can be used but is probably not what was meant.</summary>
    Warning,
}

/// <summary>A suggested edit: the first whole-word <paramref name="Text"/> at or after the diagnostic's start, written as <paramref name="Replacement"/>.</summary>
/// <param name="Text">The text as written, e.g. <c>dinass</c>.</param>
/// <param name="Replacement">What to write instead, e.g. <c>dinas</c>.</param>
public sealed record DiagnosticFix(string Text, string Replacement)
{
    /// <summary>E.g. <c>replace 'dinass' with 'dinas'</c>.</summary>
    public override string ToString() => $"replace '{Text}' with '{Replacement}'";
}

/// <summary>A finding about user input: data, never an exception.</summary>
/// <param name="Code">Stable code such as <c>WP0101</c> (docs/diagnostics.md lists them all).</param>
/// <param name="Severity">Error or warning, as the code's entry in the catalogue says.</param>
/// <param name="Span">Where in the source.</param>
/// <param name="Message">What is wrong, in words an analyst can act on.</param>
public sealed record Diagnostic(string Code, Severity Severity, SourceSpan Span, string Message)
{
    /// <summary>What the message suggests writing instead (a did-you-mean), as data an editor offers as a quick fix; null when there is none.</summary>
    public DiagnosticFix? Fix { get; init; }

    /// <summary>For a warning the rule file accepts (<c>accept WP0316 "…"</c>): the reason it gives; null otherwise. Shown, not hidden.</summary>
    public string? Accepted { get; init; }

    /// <summary>A diagnostic saying <paramref name="message"/> with <paramref name="args"/> in its holes, with its descriptor's code and severity.</summary>
    internal static Diagnostic Create(DiagnosticMessage message, SourceSpan span, params ReadOnlySpan<object?> args) =>
        new(message.Descriptor.Code, message.Descriptor.Severity, span, message.Text(args));

    /// <summary>As <see cref="Create(DiagnosticMessage, SourceSpan, ReadOnlySpan{object?})"/>, suggesting <paramref name="fix"/> when there is one (a did-you-mean).</summary>
    internal static Diagnostic Create(DiagnosticFix? fix, DiagnosticMessage message, SourceSpan span, params ReadOnlySpan<object?> args) =>
        Create(message, span, args).Suggesting(fix);

    /// <summary>This diagnostic with <paramref name="fix"/> as data and its words at the end of the message: <c> (did you mean 'x'?)</c>.</summary>
    internal Diagnostic Suggesting(DiagnosticFix? fix) =>
        fix is null ? this : this with { Fix = fix, Message = $"{Message} (did you mean '{fix.Replacement}'?)" };

    /// <summary>The form compilers and editors read: <c>path(line,col): error WP0123: message</c>.</summary>
    public override string ToString() =>
        $"{Span.Path}({Span.Line},{Span.Column}): {(Severity == Severity.Error ? "error" : "warning")} {Code}: {Message}{(Accepted is { } why ? $" (accepted: {why})" : "")}";
}
