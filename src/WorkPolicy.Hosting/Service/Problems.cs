using Microsoft.AspNetCore.Http;
using WorkPolicy.Hosting.Contract;

namespace WorkPolicy.Hosting;

/// <summary>RFC 9457 problem details carrying WP diagnostics: <c>{ type, title, status, detail, diagnostics: [...] }</c>.</summary>
internal static class Problems
{
    public static IResult Of(int status, string title, string? detail = null, IEnumerable<Diagnostic>? diagnostics = null) =>
        Results.Json(new ProblemDoc($"https://workpolicy.invalid/problems/{status}", title, status, [.. (diagnostics ?? []).Select(Diagnostic)], detail),
            ServiceJson.Relaxed.ProblemDoc, "application/problem+json", status);

    /// <summary>A diagnostic as the service writes it: the WP code <c>check</c> prints, where (a file's line or a fact's path) and what.</summary>
    public static DiagnosticDoc Diagnostic(Diagnostic d) =>
        new(d.Code, d.Severity == Severity.Error ? "error" : "warning", d.Span.Path, d.Span.Line, d.Span.Column, d.Message);
}
