using Microsoft.AspNetCore.Http;
using WorkPolicy.Hosting.Contract;

namespace WorkPolicy.Hosting;

/// <summary>RFC 9457 problem details carrying WP diagnostics: <c>{ type, title, status, detail, diagnostics: [...] }</c>.</summary>
internal static class Problems
{
    public static IResult Of(int status, string title, string? detail = null, IEnumerable<Diagnostic>? diagnostics = null) =>
        Results.Json(new ProblemDoc($"https://workpolicy.invalid/problems/{status}", title, status, [.. (diagnostics ?? []).Select(Diagnostic)], detail),
            ServiceJson.Relaxed.ProblemDoc, "application/problem+json", status);

    /// <summary>The most characters of a client's value a problem repeats.</summary>
    public const int MostEchoed = 200;

    /// <summary>
    /// A value the client sent, as a problem repeats it: at most <see cref="MostEchoed"/> characters and then its length
    /// (a 5 MB id is not sent back whole). JSON escapes its control characters.
    /// </summary>
    public static string Echo(string value) =>
        value.Length <= MostEchoed ? value : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{value.AsSpan(0, MostEchoed)}… ({value.Length:N0} characters)");

    /// <summary>A diagnostic as the service writes it: the WP code <c>check</c> prints, where (a file's line or a fact's path) and what.</summary>
    public static DiagnosticDoc Diagnostic(Diagnostic d) =>
        new(d.Code, d.Severity == Severity.Error ? "error" : "warning", d.Span.Path, d.Span.Line, d.Span.Column, d.Message);
}
