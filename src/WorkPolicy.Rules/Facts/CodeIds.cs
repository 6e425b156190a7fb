namespace WorkPolicy.Rules.Facts;

/// <summary>
/// Process-wide numbers for codes (e.g. <c>pelaksana</c>), so a compiled rule can map a code fact
/// to its equivalence class with one array read instead of comparing strings.
/// </summary>
internal static class CodeIds
{
    private static readonly StringNumbers Numbers = new();

    /// <summary>The number of <paramref name="code"/>, assigning the next one on first use.</summary>
    public static int Intern(string code) => Numbers.Of(code);
}
