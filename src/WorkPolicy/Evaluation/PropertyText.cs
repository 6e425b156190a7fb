using WorkPolicy.Ast;

namespace WorkPolicy.Evaluation;

/// <summary>An obligation property's value as text, as the DSL writes it.</summary>
internal static class PropertyText
{
    public static string Of(PropertyValue v) => v switch
    {
        TextValue t => t.Text,
        CodeValue c => c.Code,
        CodeListValue l => string.Join(", ", l.Codes),
        NumberValue n => n.Value.ToString("0.############", System.Globalization.CultureInfo.InvariantCulture),
        PercentValue p => p.Value.ToString("0.############", System.Globalization.CultureInfo.InvariantCulture) + "%",
        DurationValue d => $"{d.Amount}{d.Unit}",
        _ => "",
    };
}
