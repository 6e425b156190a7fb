namespace WorkPolicy.Evaluation;

/// <summary>Three-valued truth (Kleene): a missing fact is <see cref="Unknown"/>, not false.</summary>
internal enum Tri : byte
{
    /// <summary>Known false.</summary>
    False,
    /// <summary>Known true.</summary>
    True,
    /// <summary>Depends on a fact that was not given.</summary>
    Unknown,
}
