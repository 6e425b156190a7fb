using System.Collections.Immutable;

namespace WorkPolicy.Rules.Facts;

/// <summary>A known value of a fact field.</summary>
public abstract record FactValue;

/// <summary>One code.</summary>
public sealed record CodeFact(string Code) : FactValue
{
    private readonly string _code = Code;
    private readonly int _id = CodeIds.Intern(Code);

    /// <summary>The code.</summary>
    public string Code
    {
        get => _code;
        init
        {
            _code = value;
            _id = CodeIds.Intern(value);
        }
    }

    /// <summary>The code's process-wide number (<see cref="CodeIds"/>).</summary>
    internal int Id => _id;
}

/// <summary>A set of codes (kept sorted, so equal sets print alike).</summary>
public sealed record CodeSetFact(ImmutableArray<string> Codes) : FactValue
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
}

/// <summary>Yes or no.</summary>
public sealed record BoolFact(bool Value) : FactValue;

/// <summary>A number.</summary>
public sealed record NumberFact(decimal Value) : FactValue;
