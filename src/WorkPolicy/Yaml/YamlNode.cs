using WorkPolicy.Diagnostics;

namespace WorkPolicy.Yaml;

/// <summary>A YAML node with its source span, built from parser events (YamlDotNet's object model keeps no positions).</summary>
internal abstract record YamlNode(SourceSpan Span);

/// <summary>A scalar; <see cref="Quoted"/> tells a quoted string from a plain word or number.</summary>
internal sealed record YamlScalar(string Value, bool Quoted, SourceSpan Span) : YamlNode(Span)
{
    /// <summary>Whether this is a plain null (<c>~</c>, <c>null</c> or empty).</summary>
    public bool IsNull => !Quoted && Value is "" or "~" or "null" or "Null" or "NULL";
}

/// <summary>A sequence.</summary>
internal sealed record YamlSequence(IReadOnlyList<YamlNode> Items, SourceSpan Span) : YamlNode(Span);

/// <summary>A mapping whose keys are scalars, in document order.</summary>
internal sealed record YamlMapping(IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries, SourceSpan Span) : YamlNode(Span)
{
    /// <summary>The value under <paramref name="key"/>, or null.</summary>
    public YamlNode? Get(string key)
    {
        foreach (var e in Entries)
        {
            if (e.Key.Value == key) return e.Value;
        }
        return null;
    }
}
