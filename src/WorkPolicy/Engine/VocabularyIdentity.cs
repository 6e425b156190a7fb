using System.Runtime.CompilerServices;
using System.Text;
using WorkPolicy.Model;

namespace WorkPolicy;

/// <summary>
/// When two vocabularies read facts alike: the same fields (types, codes, defaults) and regions (zones,
/// attributes). Definitions do not count — facts never hold them — so a reload that changes a definition
/// keeps its facts.
/// </summary>
internal static class VocabularyIdentity
{
    private static readonly ConditionalWeakTable<Vocabulary, string> Prints = [];

    public static bool Same(Vocabulary a, Vocabulary b) => ReferenceEquals(a, b) || Print(a) == Print(b);

    private static string Print(Vocabulary v) => Prints.GetValue(v, static v =>
    {
        var sb = new StringBuilder();
        foreach (var f in v.Fields.Values.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            sb.Append(f.Path).Append(':').Append(f.Kind).Append('{').AppendJoin(',', f.Codes).Append('}');
            if (f.Default is { } d) sb.Append('=').AppendJoin(',', d.Select(l => l.Text));
            sb.Append('\n');
        }
        foreach (var r in v.Regions.Values.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            sb.Append("region ").Append(r.Id).Append('@').Append(r.Zone);
            foreach (var a in r.Attributes) sb.Append(' ').Append(a.Name).Append('=').Append(a.Value.Text);
            sb.Append('\n');
        }
        return sb.ToString();
    });
}
