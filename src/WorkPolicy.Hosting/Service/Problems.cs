using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace WorkPolicy.Hosting;

/// <summary>RFC 7807 problem details carrying WP diagnostics: <c>{ type, title, status, detail, diagnostics: [...] }</c>.</summary>
internal static class Problems
{
    public static IResult Of(int status, string title, string? detail = null, IEnumerable<Diagnostic>? diagnostics = null) =>
        Results.Json(Body(status, title, detail, diagnostics), (JsonSerializerOptions?)null, "application/problem+json", status);

    public static Dictionary<string, object?> Body(int status, string title, string? detail, IEnumerable<Diagnostic>? diagnostics) => new()
    {
        ["type"] = $"https://workpolicy.invalid/problems/{status}",
        ["title"] = title,
        ["status"] = status,
        ["detail"] = detail,
        ["diagnostics"] = (diagnostics ?? []).Select(Diagnostic).ToList(),
    };

    /// <summary>A diagnostic as the service writes it: the WP code <c>check</c> prints, where (a file's line or a fact's path) and what.</summary>
    public static Dictionary<string, object?> Diagnostic(Diagnostic d) => new()
    {
        ["code"] = d.Code,
        ["severity"] = d.Severity == Severity.Error ? "error" : "warning",
        ["path"] = d.Span.Path,
        ["line"] = d.Span.Line,
        ["column"] = d.Span.Column,
        ["message"] = d.Message,
    };
}
