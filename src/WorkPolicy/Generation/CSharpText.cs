using System.Collections.Frozen;

namespace WorkPolicy.Generation;

/// <summary>
/// Text in the C# WorkPolicy writes for apps. Names an app gives it (a namespace, a class) are checked before any text is
/// written, so a name the compiler would refuse is an argument error here, not a build error in the generated file;
/// rule-file words in comments are kept to one line.
/// </summary>
internal static class CSharpText
{
    // C#'s reserved keywords (never identifiers without '@'), and 'global', which cannot name a namespace.
    private static readonly FrozenSet<string> Reserved = FrozenSet.ToFrozenSet(
    [
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while", "global",
    ], StringComparer.Ordinal);

    /// <summary>Whether <paramref name="name"/> is an identifier C# accepts as it is written.</summary>
    public static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_') && !Reserved.Contains(name);

    /// <summary>Whether <paramref name="name"/> is a namespace name C# accepts (identifiers joined by dots).</summary>
    public static bool IsNamespace(string name) => name.Split('.').All(IsIdentifier);

    /// <summary>
    /// Rule-file words made safe to stand in a line of generated code (a comment): every control character and every
    /// character C# ends a line at (U+0085, U+2028, U+2029 among them) becomes a space, so a word cannot end a comment
    /// and put code of its own in the app's build.
    /// </summary>
    public static string OneLine(string text) =>
        text.AsSpan().IndexOfAny(LineBreaking) < 0 ? text : string.Create(text.Length, text, static (to, from) =>
        {
            for (var i = 0; i < from.Length; i++) to[i] = LineBreaking.Contains(from[i]) ? ' ' : from[i];
        });

    private static readonly System.Buffers.SearchValues<char> LineBreaking = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (char)c), .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c), '\u2028', '\u2029']);
}
