namespace WorkPolicy.Diagnostics;

/// <summary>Nearest-name suggestions for "did you mean" messages.</summary>
internal static class Suggest
{
    /// <summary>The candidate closest to <paramref name="input"/> by edit distance, if close enough to help.</summary>
    public static string? Nearest(string input, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var threshold = Math.Max(2, input.Length / 2);
        foreach (var c in candidates.Order(StringComparer.Ordinal))
        {
            // The lengths' difference is the least the distance can be: a candidate that cannot come nearer than the best
            // so far, or near enough at all, is not measured (a national rule set names hundreds of circulars, and each
            // relation to one not loaded asks for the nearest). The answer is the same.
            var least = Math.Abs(input.Length - c.Length);
            if (least >= bestDistance || least > threshold) continue;
            var d = Distance(input, c);
            if (d < bestDistance) { bestDistance = d; best = c; }
        }
        return best is not null && bestDistance <= threshold ? best : null;
    }

    /// <summary>The edit a did-you-mean suggests: <paramref name="input"/> written as the nearest candidate; null when none is near.</summary>
    public static DiagnosticFix? Fix(string input, IEnumerable<string> candidates) =>
        Nearest(input, candidates) is { } n ? new DiagnosticFix(input, n) : null;

    /// <summary>" (did you mean 'x'?)" or empty.</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates) =>
        Nearest(input, candidates) is { } n ? $" (did you mean '{n}'?)" : "";

    private static int Distance(string a, string b)
    {
        if (a.Length > 200 || b.Length > 200) return int.MaxValue;
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
