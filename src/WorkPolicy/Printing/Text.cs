using System.Text;

namespace WorkPolicy.Printing;

/// <summary>Quoting shared by the printers.</summary>
internal static class Quote
{
    /// <summary>A double-quoted string valid in both the DSL and YAML.</summary>
    public static string Of(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.Append('"').ToString();
    }
}
