using System.Globalization;
using System.Text.Json;
using WorkPolicy.Yaml;
using WorkPolicy.Ast;
using WorkPolicy.Facts;

namespace WorkPolicy.Facts;

internal sealed partial class FactsLoader
{
    private const int ShortText = 48;
    // Tables stop growing past this many entries: a file of ever new keys or codes is declined to the node path.
    private const int MaxRemembered = 1024;
    // Where a key's or code's characters are read (the loader reads one document on one thread).
    private readonly char[] _chars = new char[ShortText];
    private readonly List<string> _topKeys = [];
    private readonly List<string> _nestedKeys = [];
    private readonly Dictionary<string, KeyTable> _keyTables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FactValue> _scratch = new(16, StringComparer.Ordinal);

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
        var errorsBefore = _r.Errors;
        string? id = null, unit = null;
        long unitOffset = -1;
        // One table for every employee of the file: Accept keeps the fields compact, not this.
        var fields = _scratch;
        fields.Clear();
        var table = Keys("");
        var keys = _topKeys;
        keys.Clear();
        var chars = _chars.AsSpan();
        while (true)
        {
            if (!r.Read() || ++tokens > budget) return false;
            if (r.TokenType == JsonTokenType.EndObject)
            {
                if (ReferenceEquals(keys, _topKeys)) break;
                (table, keys) = (Keys(""), _topKeys);
                continue;
            }
            // A key is found by its characters: its dotted name and field are made once per distinct key of the file.
            if (!TryText(ref r, chars, out var name)) return false;
            var key = table.Find(name);
            if (keys.Contains(key.Name)) return false;
            keys.Add(key.Name);
            if (!r.Read() || ++tokens > budget) return false;
            if (ReferenceEquals(keys, _topKeys) && key.Name is "id" or "unit")
            {
                if (r.TokenType != JsonTokenType.String || context.String(ref r) is not { } text || IsNullWord(text)) return false;
                if (key.Name == "id") id = text;
                else (unit, unitOffset) = (text, r.TokenStartIndex);
                continue;
            }
            if (r.TokenType == JsonTokenType.StartObject)
            {
                if (!ReferenceEquals(keys, _topKeys)) return false;
                (table, keys) = (Keys(Dotted(key.Dotted, ".")), _nestedKeys);
                keys.Clear();
                continue;
            }
            if (key.Field is not { } field || JsonValue(ref r, context, key, field, chars, budget, ref tokens) is not { } value) return false;
            fields[key.Dotted] = value;
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
    private FactValue? JsonValue(ref Utf8JsonReader r, JsonItemContext context, JsonKey key, FieldDecl field, Span<char> chars, int budget, ref int tokens)
    {
        switch (field.Kind)
        {
            case FieldKind.OneOf when r.TokenType == JsonTokenType.String:
                return TryText(ref r, chars, out var code) ? key.Code(code, this) : null;
            case FieldKind.Date when r.TokenType == JsonTokenType.String:
                return TryText(ref r, chars, out var day) && Parsing.Values.TryDate(day.ToString(), out var date) ? new DateFact(date) : null;
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
                    if (r.TokenType != JsonTokenType.String || !TryText(ref r, chars, out var item) || key.Code(item, this) is not { } known) return null;
                    (codes ??= []).Add(known.Code);
                }
                return CodeSet(codes ?? []);
            default:
                return null;
        }
    }

    /// <summary>The current string's characters in <paramref name="chars"/>; false (declined) when it is longer.</summary>
    private static bool TryText(ref Utf8JsonReader r, Span<char> chars, out ReadOnlySpan<char> text)
    {
        text = default;
        if (r.HasValueSequence || r.ValueSpan.Length > ShortText) return false;
        text = chars[..r.CopyString(chars)];
        return true;
    }

    private KeyTable Keys(string prefix)
    {
        if (!_keyTables.TryGetValue(prefix, out var table)) _keyTables[prefix] = table = new KeyTable(prefix, this);
        return table;
    }

    /// <summary>The keys met under one prefix (the top level, or a nested object's), by their characters.</summary>
    private sealed class KeyTable(string prefix, FactsLoader loader)
    {
        private readonly Dictionary<string, JsonKey> _keys = new(StringComparer.Ordinal);

        public JsonKey Find(ReadOnlySpan<char> name)
        {
            if (_keys.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var key)) return key;
            var text = new string(name);
            var dotted = loader.Dotted(prefix, text);
            var made = new JsonKey(text, dotted, loader.Field("employee", dotted));
            if (_keys.Count < MaxRemembered) _keys[text] = made;
            return made;
        }
    }

    /// <summary>A key of a JSON employee: its name, dotted name, declared field, and that field's codes met so far.</summary>
    private sealed class JsonKey(string name, string dotted, FieldDecl? field)
    {
        private readonly Dictionary<string, CodeFact?> _codes = new(StringComparer.Ordinal);

        public string Name { get; } = name;

        public string Dotted { get; } = dotted;

        public FieldDecl? Field { get; } = field;

        /// <summary>The shared fact of a code of this field, or null (declined) when it is not one of its codes.</summary>
        public CodeFact? Code(ReadOnlySpan<char> code, FactsLoader loader)
        {
            if (_codes.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(code, out var known)) return known;
            var text = new string(code);
            var fact = !IsNullWord(text) && Field!.Codes.Contains(text) ? loader.Code(text) : null;
            if (_codes.Count < MaxRemembered) _codes[text] = fact;
            return fact;
        }
    }

    /// <summary>Texts a plain scalar reads as null (JSON strings come in as plain scalars).</summary>
    private static bool IsNullWord(string text) => text is "" or "~" or "null" or "Null" or "NULL";
}
