using System.Collections.Immutable;

namespace WorkPolicy;

/// <summary>What loading read: the value when there was no error, and every diagnostic either way.</summary>
/// <typeparam name="T">What was loaded: a <see cref="PolicyEngine"/> or <see cref="PolicyFacts"/>.</typeparam>
public sealed class Loaded<T> where T : class
{
    internal Loaded(T? value, ImmutableArray<Diagnostic> diagnostics)
    {
        Value = value;
        Diagnostics = diagnostics;
    }

    /// <summary>The loaded value; null when an error was reported.</summary>
    public T? Value { get; }

    /// <summary>Errors and warnings, each with file, line, column and code.</summary>
    public ValueList<Diagnostic> Diagnostics { get; }
}
