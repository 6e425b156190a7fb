using System.Collections.Immutable;

namespace WorkPolicy.Ast;

/// <summary>
/// The comments of a rule file, kept as trivia of the declarations they precede or end (Roslyn's trivia, at the
/// grain of declarations): a vocabulary, field, definition, region, circular, provision or obligation; what is left
/// before a block closes ends that block; what follows the last declaration ends the file. The printers write them
/// back at their declaration's place, in either encoding (<c># text</c> in both), so <c>fmt</c> and <c>convert</c>
/// keep them. Kept beside the syntax, by declaration, so the syntax records compare as before.
/// </summary>
internal sealed class Comments
{
    private readonly IReadOnlyDictionary<object, ImmutableArray<string>> _before;
    private readonly IReadOnlyDictionary<object, ImmutableArray<string>> _end;

    /// <summary>No comments.</summary>
    public static Comments None { get; } = new(new Dictionary<object, ImmutableArray<string>>(), new Dictionary<object, ImmutableArray<string>>(), []);

    internal Comments(IReadOnlyDictionary<object, ImmutableArray<string>> before, IReadOnlyDictionary<object, ImmutableArray<string>> end, ImmutableArray<string> trailing)
    {
        _before = before;
        _end = end;
        Trailing = trailing;
    }

    /// <summary>The comment lines (text after <c>#</c>, trimmed) written before <paramref name="declaration"/>.</summary>
    public ImmutableArray<string> Before(object declaration) => _before.TryGetValue(declaration, out var lines) ? lines : [];

    /// <summary>The comment lines written after the last member of <paramref name="block"/>, before it closes.</summary>
    public ImmutableArray<string> End(object block) => _end.TryGetValue(block, out var lines) ? lines : [];

    /// <summary>The comment lines after the file's last declaration.</summary>
    public ImmutableArray<string> Trailing { get; }

    /// <summary>Whether the file has any comment.</summary>
    public bool Any => _before.Count > 0 || _end.Count > 0 || !Trailing.IsEmpty;
}
