namespace WorkPolicy.Compiled;

/// <summary>
/// Three-valued truth (Kleene) as rules compiled to C# return it: a missing fact is <see cref="Unknown"/>, not false.
/// The same values, in the same order, as the engine's own outcomes, so compiled code writes the engine's buffers as they are.
/// </summary>
public enum Truth : byte
{
    /// <summary>Known false.</summary>
    False,
    /// <summary>Known true.</summary>
    True,
    /// <summary>Depends on a fact that was not given.</summary>
    Unknown,
}
