namespace WorkPolicy.Loading;

/// <summary>Input limits shared by the loaders: beyond them input is refused with a diagnostic.</summary>
internal static class Limits
{
    /// <summary>Largest rule or facts file read, in bytes.</summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>Longest name or quoted text.</summary>
    public const int MaxTokenLength = 512;

    /// <summary>Most provisions in one circular.</summary>
    public const int MaxProvisions = 1000;

    /// <summary>Deepest YAML nesting.</summary>
    public const int MaxYamlDepth = 32;

    /// <summary>Most YAML nodes in one document (guards huge files before any model is built).</summary>
    public const int MaxYamlNodes = 2_000_000;

    /// <summary>Largest facts file: exports of a whole province's staff are large.</summary>
    public const int MaxFactsBytes = 256 * 1024 * 1024;

    /// <summary>Most YAML nodes in a facts file.</summary>
    public const int MaxFactsYamlNodes = 40_000_000;
}
