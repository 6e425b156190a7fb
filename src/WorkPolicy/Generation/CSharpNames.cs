using System.Collections.Frozen;

namespace WorkPolicy.Generation;

/// <summary>
/// Names an app gives the code WorkPolicy writes for it (a namespace, a class): checked before any text is written, so a
/// name the compiler would refuse is an argument error here, not a build error in the app's generated file.
/// </summary>
internal static class CSharpNames
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
}
