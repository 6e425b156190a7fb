using System.Text;

namespace WorkPolicy.Generation;

/// <summary>The C# names of rule-file words: one rule for the generated fact types and for what reads records of them (LINQ).</summary>
internal static class FactTypesNames
{
    /// <summary>
    /// A rule-file word as a C# name: <c>jpt-pratama</c> → <c>JptPratama</c>, <c>health.chronic</c> →
    /// <c>HealthChronic</c>; a word that starts with a digit gets an underscore.
    /// </summary>
    public static string Pascal(this string word)
    {
        var b = new StringBuilder(word.Length);
        var upper = true;
        foreach (var c in word)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }
            b.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        if (b.Length == 0 || char.IsDigit(b[0])) b.Insert(0, '_');
        return b.ToString();
    }
}
