using System.Collections.Immutable;

namespace WorkPolicy.Facts;

/// <summary>A known value of a fact field.</summary>
internal abstract record FactValue;

/// <summary>One code.</summary>
internal sealed record CodeFact(string Code) : FactValue
{
    /// <summary>
    /// The code's number in a rule model's <see cref="Model.FieldLayout"/>, or -1 for a value as the
    /// loader read it. Rows hold the model's numbered instances; compiled tests compare numbers.
    /// </summary>
    public int Number { get; init; } = -1;

    /// <summary>Equal codes are equal values, whatever their numbering.</summary>
    public bool Equals(CodeFact? other) => other is not null && string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);
}

/// <summary>A set of codes (kept sorted, so equal sets print alike).</summary>
internal sealed record CodeSetFact(ImmutableArray<string> Codes) : FactValue
{
    /// <summary>Whether the set holds <paramref name="code"/>.</summary>
    public bool Contains(string code)
    {
        foreach (var c in Codes)
        {
            if (string.Equals(c, code, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>
    /// The set as bits of its field's codes (bit i: the field's i-th declared code), when the rows were laid out by a
    /// model whose field declares at most 64 codes (<see cref="Masked"/>); a compiled <c>has-any</c> is then one AND.
    /// An optimisation of <see cref="Contains"/>, which stays the meaning.
    /// </summary>
    public ulong Mask { get; init; }

    /// <summary>Whether <see cref="Mask"/> holds the set.</summary>
    public bool Masked { get; init; }

    /// <summary>Sets with the same codes are equal.</summary>
    public bool Equals(CodeSetFact? other) => other is not null && Codes.SequenceEqual(other.Codes, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var c in Codes) h.Add(c, StringComparer.Ordinal);
        return h.ToHashCode();
    }
}

/// <summary>Yes or no.</summary>
internal sealed record BoolFact(bool Value) : FactValue;

/// <summary>A number.</summary>
internal sealed record NumberFact(decimal Value) : FactValue;

/// <summary>A calendar date (a field of type <c>date</c>, e.g. a birth date).</summary>
internal sealed record DateFact(NodaTime.LocalDate Value) : FactValue;
