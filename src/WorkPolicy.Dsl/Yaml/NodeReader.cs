using System.Globalization;
using NodaTime;
using WorkPolicy.Dsl.Parsing;
using WorkPolicy.Rules.Diagnostics;

namespace WorkPolicy.Dsl.Yaml;

/// <summary>Typed reads from YAML nodes that report wrong shapes, unknown and missing keys as diagnostics.</summary>
internal sealed class NodeReader(List<Diagnostic> diagnostics)
{
    /// <summary>Where diagnostics go.</summary>
    public List<Diagnostic> Diagnostics { get; } = diagnostics;

    /// <summary>Adds an error.</summary>
    public void Error(DiagnosticDescriptor descriptor, SourceSpan span, string message, DiagnosticFix? fix = null) => Diagnostics.Add(Diagnostic.Create(descriptor, span, message, fix));

    /// <summary>The node as a mapping whose keys are all in <paramref name="allowed"/>; reports others.</summary>
    public YamlMapping? Map(YamlNode? node, string what, IReadOnlyCollection<string> allowed, params string[] required)
    {
        if (node is not YamlMapping m)
        {
            if (node is not null) Error(DiagnosticCatalog.WrongShape, node.Span, $"{what} must be a mapping (key: value)");
            return null;
        }
        foreach (var (key, _) in m.Entries)
        {
            if (!allowed.Contains(key.Value))
                Error(DiagnosticCatalog.UnknownKey, key.Span, $"unknown key '{key.Value}' in {what}{Suggest.DidYouMean(key.Value, allowed)}", Suggest.Fix(key.Value, allowed));
        }
        foreach (var r in required)
        {
            if (m.Get(r) is null or YamlScalar { IsNull: true }) Error(DiagnosticCatalog.MissingProperty, m.Span, $"{what} has no '{r}'");
        }
        return m;
    }

    /// <summary>The items of a sequence (empty and reported when the node is something else).</summary>
    public IReadOnlyList<YamlNode> Seq(YamlNode? node, string what)
    {
        switch (node)
        {
            case null: return [];
            case YamlSequence s: return s.Items;
            case YamlScalar { IsNull: true }: return [];
            default:
                Error(DiagnosticCatalog.WrongShape, node.Span, $"{what} must be a list");
                return [];
        }
    }

    /// <summary>A scalar's text.</summary>
    public string? Str(YamlNode? node, string what)
    {
        if (node is YamlScalar s) return s.IsNull ? null : s.Value;
        if (node is not null) Error(DiagnosticCatalog.WrongShape, node.Span, $"{what} must be a single value");
        return null;
    }

    /// <summary>A list of codes given as a list or a single value.</summary>
    public List<string> Codes(YamlNode? node, string what)
    {
        if (node is YamlScalar { IsNull: false } one) return [one.Value];
        return Seq(node, what).Select(i => Str(i, what)).OfType<string>().ToList();
    }

    /// <summary>A date <c>yyyy-mm-dd</c>.</summary>
    public LocalDate? Date(YamlNode? node, string what)
    {
        if (Str(node, what) is not { } text) return null;
        if (Values.TryDate(text, out var d)) return d;
        Error(DiagnosticCatalog.BadDate, node!.Span, $"'{text}' is not a calendar date (yyyy-mm-dd)");
        return null;
    }

    /// <summary>A decimal number.</summary>
    public decimal? Number(YamlNode? node, string what)
    {
        if (Str(node, what) is not { } text) return null;
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)) return n;
        Error(DiagnosticCatalog.BadValue, node!.Span, $"{what} must be a number, not '{text}'");
        return null;
    }

    /// <summary>true or false.</summary>
    public bool? Bool(YamlNode? node, string what)
    {
        if (Str(node, what) is not { } text) return null;
        if (text is "true" or "false") return text == "true";
        Error(DiagnosticCatalog.BadValue, node!.Span, $"{what} must be true or false, not '{text}'");
        return null;
    }

    /// <summary>A condition written in DSL syntax inside a string.</summary>
    public Rules.Ast.Expr? Condition(YamlNode? node, string what)
    {
        if (Str(node, what) is not { } text) return null;
        var s = (YamlScalar)node!;
        return ExpressionText.Parse(s.Span.Path, text, s.Span.Line, s.Span.Column + (s.Quoted ? 1 : 0), Diagnostics);
    }
}
