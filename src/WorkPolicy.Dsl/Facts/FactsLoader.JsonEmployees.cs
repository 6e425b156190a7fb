using System.Globalization;
using System.Text.Json;
using WorkPolicy.Dsl.Yaml;
using WorkPolicy.Rules.Ast;
using WorkPolicy.Rules.Facts;

namespace WorkPolicy.Dsl.Facts;

internal sealed partial class FactsLoader
{
    private readonly List<string> _topKeys = [];
    private readonly List<string> _nestedKeys = [];

    /// <summary>
    /// An employee of a JSON file mapped straight from the tokens: the common case of a large export
    /// (known keys, valid codes, one level of nesting, no duplicates). Anything else is declined and
    /// goes through <see cref="AddEmployee"/>, which reports it; so a file maps and reports the same
    /// either way (a test holds the two paths to that).
    /// </summary>
    private bool TryAddJsonEmployee(ref Utf8JsonReader r, JsonItemContext context, int budget, out int tokens)
    {
        tokens = 0;
        if (_rules is null) return false;
        var startOffset = r.TokenStartIndex;
        var errorsBefore = _r.Diagnostics.Count;
        string? id = null, unit = null;
        long unitOffset = -1;
        var fields = new Dictionary<string, FactValue>(16, StringComparer.Ordinal);
        var prefix = "";
        var keys = _topKeys;
        keys.Clear();
        while (true)
        {
            if (!r.Read() || ++tokens > budget) return false;
            if (r.TokenType == JsonTokenType.EndObject)
            {
                if (ReferenceEquals(keys, _topKeys)) break;
                (prefix, keys) = ("", _topKeys);
                continue;
            }
            var key = context.String(ref r);
            if (keys.Contains(key)) return false;
            keys.Add(key);
            if (!r.Read() || ++tokens > budget) return false;
            if (prefix.Length == 0 && key is "id" or "unit")
            {
                if (r.TokenType != JsonTokenType.String || context.String(ref r) is not { } text || IsNullWord(text)) return false;
                if (key == "id") id = text;
                else (unit, unitOffset) = (text, r.TokenStartIndex);
                continue;
            }
            var dotted = Dotted(prefix, key);
            if (r.TokenType == JsonTokenType.StartObject)
            {
                if (prefix.Length > 0) return false;
                (prefix, keys) = (Dotted(dotted, "."), _nestedKeys);
                keys.Clear();
                continue;
            }
            if (Field("employee", dotted) is not { } field || JsonValue(ref r, context, field, budget, ref tokens) is not { } value) return false;
            fields[dotted] = value;
        }
        if (id is null || unit is null || _employeeIds.Contains(id)) return false;
        _employeeIds.Add(id);
        var start = context.At(startOffset);
        var unitSpan = context.At(unitOffset);
        var end = context.At(r.TokenStartIndex);
        Accept(new EmployeeFacts(id, unit, fields, start with { EndLine = end.EndLine, EndColumn = end.EndColumn }), unitSpan, errorsBefore);
        return true;
    }

    /// <summary>A field value the way <see cref="Value"/> reads it from nodes, or null to decline.</summary>
    private FactValue? JsonValue(ref Utf8JsonReader r, JsonItemContext context, FieldDecl field, int budget, ref int tokens)
    {
        switch (field.Kind)
        {
            case FieldKind.OneOf when r.TokenType == JsonTokenType.String:
                var code = context.String(ref r);
                return !IsNullWord(code) && field.Codes.Contains(code) ? Code(code) : null;
            case FieldKind.Bool when r.TokenType is JsonTokenType.True or JsonTokenType.False:
                return r.TokenType == JsonTokenType.True ? Yes : No;
            case FieldKind.Number when r.TokenType is JsonTokenType.String or JsonTokenType.Number:
                var text = r.TokenType == JsonTokenType.String ? context.String(ref r) : context.Raw(r.ValueSpan);
                return !IsNullWord(text) && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? new NumberFact(n) : null;
            case FieldKind.SetOf when r.TokenType == JsonTokenType.StartArray:
                List<string>? codes = null;
                while (true)
                {
                    if (!r.Read() || ++tokens > budget) return null;
                    if (r.TokenType == JsonTokenType.EndArray) break;
                    if (r.TokenType != JsonTokenType.String) return null;
                    var item = context.String(ref r);
                    if (IsNullWord(item) || !field.Codes.Contains(item)) return null;
                    (codes ??= []).Add(item);
                }
                return CodeSet(codes ?? []);
            default:
                return null;
        }
    }

    /// <summary>Texts a plain scalar reads as null (JSON strings come in as plain scalars).</summary>
    private static bool IsNullWord(string text) => text is "" or "~" or "null" or "Null" or "NULL";
}
