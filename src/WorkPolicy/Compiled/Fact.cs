using System.Runtime.CompilerServices;
using NodaTime;
using WorkPolicy.Facts;

namespace WorkPolicy.Compiled;

/// <summary>
/// One fact as compiled rules read it (<see cref="RuleSubject"/>): absent, or a value of one kind. Code that
/// <see cref="RuleCompiler.EmitCSharp(PolicyEngine, string, string)"/> writes reads a present value of the kind its field
/// declares and compares it with constants; anything else (absent, another kind) it hands back to the engine
/// (<see cref="RuleSubject.Leaf"/>), which applies the field's default or answers unknown.
/// </summary>
/// <example><code>if (s.Unit(4).IsMaskedSet(out var bits)) return (bits &amp; 0xCUL) != 0 ? True : False;</code></example>
public readonly struct Fact
{
    private readonly FactValue? _value;

    internal Fact(FactValue? value) => _value = value;

    /// <summary>Whether the fact is absent (not given, or no unit to hold it).</summary>
    public bool IsAbsent => _value is null;

    /// <summary>The number of a code in the rule set's layout (codes are numbered by the vocabulary), when the fact is a code.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsCode(out int number)
    {
        if (_value is CodeFact c)
        {
            number = c.Number;
            return true;
        }
        number = 0;
        return false;
    }

    /// <summary>The value, when the fact is yes or no.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsBool(out bool value)
    {
        if (_value is BoolFact b)
        {
            value = b.Value;
            return true;
        }
        value = false;
        return false;
    }

    /// <summary>The value, when the fact is a number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsNumber(out decimal value)
    {
        if (_value is NumberFact n)
        {
            value = n.Value;
            return true;
        }
        value = 0;
        return false;
    }

    /// <summary>The value, when the fact is a date.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsDate(out LocalDate value)
    {
        if (_value is DateFact d)
        {
            value = d.Value;
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>
    /// When the fact is a set of codes laid out as bits of its field's declared codes (bit i: the i-th code): the bits.
    /// False for a set that is not laid out so, or for another kind: compiled code then asks the engine.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsMaskedSet(out ulong bits)
    {
        if (_value is CodeSetFact { Masked: true } s)
        {
            bits = s.Mask;
            return true;
        }
        bits = 0;
        return false;
    }
}
