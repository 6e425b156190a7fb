using System.Collections.Immutable;
using WorkPolicy.Ast;

namespace WorkPolicy;

/// <summary>Warnings a rule file accepts: a warning reported inside a circular that accepts its code is marked, not dropped.</summary>
internal static class Acceptance
{
    /// <summary>The diagnostics with those the circulars of <paramref name="files"/> accept marked with their reason.</summary>
    public static IEnumerable<Diagnostic> Apply(IEnumerable<Diagnostic> diagnostics, ImmutableArray<RuleFile> files)
    {
        var circulars = files.Where(f => f.Circulars.Any(c => !c.Accepts.IsEmpty))
            .SelectMany(f => f.Circulars.Select(c => (Path: Full(f.Path), Circular: c))).ToList();
        foreach (var d in diagnostics)
        {
            if (circulars.Count == 0 || d.Severity != Severity.Warning || d.Span.Path.Length == 0) { yield return d; continue; }
            var path = Full(d.Span.Path);
            // The circular a warning is about: the last one of its file that starts at or before it.
            var around = circulars.Where(c => c.Path == path && c.Circular.Span.Line <= d.Span.Line).Select(c => c.Circular).LastOrDefault();
            var accept = around?.Accepts.FirstOrDefault(a => a.Code == d.Code);
            yield return accept is null ? d : d with { Accepted = accept.Reason };
        }
    }

    private static string Full(string path) => System.IO.Path.GetFullPath(path);
}
