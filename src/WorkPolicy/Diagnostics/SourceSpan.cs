namespace WorkPolicy;

/// <summary>A region of a source file; lines and columns are 1-based.</summary>
public readonly record struct SourceSpan(string Path, int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>A span for nodes built in code rather than read from a file.</summary>
    public static SourceSpan None { get; } = new("", 0, 0, 0, 0);

    /// <summary>A one-point span.</summary>
    public static SourceSpan At(string path, int line, int column) => new(path, line, column, line, column);

    /// <inheritdoc />
    public override string ToString() => $"{Path}({Line},{Column})";
}
