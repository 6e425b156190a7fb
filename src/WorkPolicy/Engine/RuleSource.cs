using System.Reflection;
using System.Text;

namespace WorkPolicy;

/// <summary>A rule file held in memory: its name (which gives its encoding by extension, <c>.wp</c>, <c>.yaml</c>, <c>.yml</c>) and its text.</summary>
/// <param name="Name">The name diagnostics give, e.g. <c>palopo.wp</c>.</param>
/// <param name="Text">The file's text.</param>
/// <example>
/// <code>
/// var engine = PolicyEngine.Load([
///     RuleSource.FromResource(typeof(Program).Assembly, "HrApp.Rules.vocabulary.wp"),
///     new RuleSource("palopo.wp", palopoText),
/// ]);
/// </code>
/// </example>
public sealed record RuleSource(string Name, string Text)
{
    /// <summary>Reads a source from a stream (UTF-8) to its end.</summary>
    public static RuleSource FromStream(string name, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return new RuleSource(name, reader.ReadToEnd());
    }

    /// <summary>Reads an embedded resource of <paramref name="assembly"/>; its name is the resource name.</summary>
    /// <exception cref="ArgumentException">The assembly has no such resource.</exception>
    public static RuleSource FromResource(Assembly assembly, string resourceName)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new ArgumentException($"the assembly {assembly.GetName().Name} has no embedded resource '{resourceName}'", nameof(resourceName));
        return FromStream(resourceName, stream);
    }
}
