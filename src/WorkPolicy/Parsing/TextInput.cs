using Sprache;

namespace WorkPolicy.Parsing;

/// <summary>
/// Sprache's input over a string, constructible at any position: the hand-written token scanners
/// (<see cref="Lexical.Trivia"/>, <see cref="Lexical.IdentRaw"/>) scan the string and make one input
/// where they stop, where <see cref="IInput.Advance"/> makes one per character. Lines and columns
/// advance as Sprache's own input advances them.
/// </summary>
internal sealed class TextInput(string source, int position = 0, int line = 1, int column = 1) : IInput
{
    private Dictionary<object, object>? _memos;

    public string Source => source;

    public int Position => position;

    public int Line => line;

    public int Column => column;

    public bool AtEnd => position >= source.Length;

    public char Current => source[position];

    public IDictionary<object, object> Memos => _memos ??= [];

    public IInput Advance()
    {
        if (AtEnd) throw new InvalidOperationException("The input is already at the end of the source.");
        return source[position] == '\n' ? new TextInput(source, position + 1, line + 1, 1) : new TextInput(source, position + 1, line, column + 1);
    }

    /// <summary>The input <paramref name="at"/> a later position of <paramref name="from"/>, found by scanning (line and column given).</summary>
    public static IInput At(IInput from, int at, int atLine, int atColumn)
    {
        if (at == from.Position) return from;
        if (from is TextInput) return new TextInput(from.Source, at, atLine, atColumn);
        var input = from;
        while (input.Position < at) input = input.Advance();
        return input;
    }

    public bool Equals(IInput? other) => other is not null && ReferenceEquals(source, other.Source) && position == other.Position;

    public override bool Equals(object? obj) => obj is IInput other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(source.Length, position);

    public override string ToString() => $"Line {line}, Column {column}";
}
