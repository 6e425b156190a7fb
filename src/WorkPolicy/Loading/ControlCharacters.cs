using WorkPolicy.Diagnostics;

namespace WorkPolicy.Loading;

/// <summary>
/// Refuses characters YAML does not allow (C0 controls but tab and line breaks, DEL, C1 controls
/// but NEL). Besides being invalid, a NUL makes YamlDotNet's scanner take minutes on a 1 KiB
/// input (found by fuzzing), so the check runs before any parser sees the text.
/// </summary>
internal static class ControlCharacters
{
    /// <summary>A diagnostic for the first disallowed character, or null.</summary>
    public static Diagnostic? Find(string path, string text)
    {
        int line = 1, column = 1;
        foreach (var c in text)
        {
            if (IsRefused(c)) return Diagnostic.Create(DiagnosticMessages.ControlCharacterNotAllowed, SourceSpan.At(path, line, column), (int)c);
            if (c == '\n') { line++; column = 1; }
            else column++;
        }
        return null;
    }

    /// <summary>Whether YAML refuses <paramref name="c"/>.</summary>
    public static bool IsRefused(char c) =>
        (c < ' ' && c is not ('\t' or '\n' or '\r')) || c == '\u007F' || (c is >= '\u0080' and <= '\u009F' && c != '\u0085') || c is '\uFFFE' or '\uFFFF';
}
