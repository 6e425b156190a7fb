using System.Collections.Frozen;
using WorkPolicy.Ast;
using WorkPolicy.Facts;

namespace WorkPolicy.Model;

/// <summary>
/// The slots of a rule model's employee and unit fields in facts rows, and the canonical value of
/// each declared code. Owned by the model, so nothing is numbered in static state: rows laid out
/// for one model are read by that model's compiled rules.
/// </summary>
internal sealed class FieldLayout
{
    private readonly FrozenDictionary<string, int> _employee;
    private readonly FrozenDictionary<string, int> _unit;
    private readonly FrozenDictionary<string, CodeFact> _codes;
    // For each slot of a set field with at most 64 codes: its codes' bits, by code (the field's declared order).
    private readonly FrozenDictionary<string, ulong>?[] _employeeBits;
    private readonly FrozenDictionary<string, ulong>?[] _unitBits;
    // One masked instance per distinct set and slot: a large file repeats the same few sets.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(bool Unit, int Slot, CodeSetFact Set), CodeSetFact> _masked = new();

    private FieldLayout(FrozenDictionary<string, int> employee, FrozenDictionary<string, int> unit, FrozenDictionary<string, CodeFact> codes, Vocabulary vocabulary)
    {
        _employee = employee;
        _unit = unit;
        _codes = codes;
        _employeeBits = Bits(employee, "employee.", vocabulary);
        _unitBits = Bits(unit, "unit.", vocabulary);
        Ranked = [.. vocabulary.Fields.Values.Where(f => !f.Rank.IsEmpty && f.Kind == FieldKind.OneOf && employee.ContainsKey(Key(f.Path)))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => new RankedField(Key(f.Path), employee[Key(f.Path)], f.Rank, f.Default is [{ Kind: LiteralKind.Code } d] ? d.Text : null))];
        static string Key(string path) => path.StartsWith("employee.", StringComparison.Ordinal) ? path["employee.".Length..] : path;
    }

    /// <summary>The employee fields whose codes are ranked levels (<c>rank { … }</c>): what units count for <c>in top N of unit</c>.</summary>
    public System.Collections.Immutable.ImmutableArray<RankedField> Ranked { get; }

    private static FrozenDictionary<string, ulong>?[] Bits(FrozenDictionary<string, int> slots, string prefix, Vocabulary vocabulary)
    {
        var bits = new FrozenDictionary<string, ulong>?[slots.Count];
        foreach (var (key, slot) in slots)
        {
            if (vocabulary.Fields.GetValueOrDefault(prefix + key) is { Kind: FieldKind.SetOf } f && FieldBits(f) is { } b) bits[slot] = b;
        }
        return bits;
    }

    /// <summary>The bit of each code of a set field (its i-th declared code: bit i), or null past 64 codes.</summary>
    public static FrozenDictionary<string, ulong>? FieldBits(FieldDecl field) =>
        field.Codes.Length > 64 ? null : field.Codes.Select((c, i) => (c, Bit: 1UL << i)).DistinctBy(x => x.c).ToFrozenDictionary(x => x.c, x => x.Bit, StringComparer.Ordinal);

    /// <summary>The layout of the employee and unit fields of <paramref name="vocabulary"/>.</summary>
    public static FieldLayout Of(Vocabulary vocabulary)
    {
        var employee = new Dictionary<string, int>(StringComparer.Ordinal);
        var unit = new Dictionary<string, int>(StringComparer.Ordinal);
        var codes = new Dictionary<string, CodeFact>(StringComparer.Ordinal);
        foreach (var f in vocabulary.Fields.Values.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            // Dated personal facts (employee.status.…) are read from their series on the date, not from a slot.
            if (f.Path.StartsWith("employee.", StringComparison.Ordinal) && !PersonalSeries.IsPersonal(f.Path)) employee.TryAdd(f.Path["employee.".Length..], employee.Count);
            else if (f.Path.StartsWith("unit.", StringComparison.Ordinal)) unit.TryAdd(f.Path["unit.".Length..], unit.Count);
            if (f.Kind is FieldKind.OneOf or FieldKind.SetOf)
            {
                foreach (var c in f.Codes) codes.TryAdd(c, new CodeFact(c) { Number = codes.Count });
            }
        }
        return new FieldLayout(employee.ToFrozenDictionary(StringComparer.Ordinal), unit.ToFrozenDictionary(StringComparer.Ordinal), codes.ToFrozenDictionary(StringComparer.Ordinal), vocabulary);
    }

    /// <summary>Slots an employee row has.</summary>
    public int EmployeeSlots => _employee.Count;

    /// <summary>Slots a unit row has.</summary>
    public int UnitSlots => _unit.Count;

    /// <summary>The slot of an employee field key (<c>health.healthy</c>), or -1.</summary>
    public int EmployeeSlot(string key) => _employee.GetValueOrDefault(key, -1);

    /// <summary>The slot of a unit field key (<c>kind</c>), or -1.</summary>
    public int UnitSlot(string key) => _unit.GetValueOrDefault(key, -1);

    /// <summary>The model's instance of a code (numbered), or null for a code no field declares.</summary>
    public CodeFact? Code(string code) => _codes.GetValueOrDefault(code);

    /// <summary>
    /// Lays out <paramref name="fields"/> by slot; code values become the model's instances, so a
    /// compiled test compares numbers, not strings. Keys the vocabulary does not declare are left out:
    /// no rule can read them.
    /// </summary>
    public FactValue?[] Row(IReadOnlyDictionary<string, FactValue> fields, bool unit)
    {
        var slots = unit ? _unit : _employee;
        var row = new FactValue?[slots.Count];
        // The loaders make dictionaries: enumerate those without boxing an enumerator.
        if (fields is CompactFields compact)
        {
            var keys = compact.Shape.Keys;
            for (var i = 0; i < keys.Length; i++) Place(row, slots, keys[i], compact.Slots[i], unit);
        }
        else if (fields is Dictionary<string, FactValue> dictionary)
        {
            foreach (var (key, value) in dictionary) Place(row, slots, key, value, unit);
        }
        else
        {
            foreach (var (key, value) in fields) Place(row, slots, key, value, unit);
        }
        return row;
    }

    private void Place(FactValue?[] row, FrozenDictionary<string, int> slots, string key, FactValue value, bool unit)
    {
        if (!slots.TryGetValue(key, out var slot)) return;
        row[slot] = value switch
        {
            CodeFact c when Code(c.Code) is { } canonical => canonical,
            CodeSetFact set when (unit ? _unitBits : _employeeBits)[slot] is { } bits => _masked.GetOrAdd((unit, slot, set), static (k, b) => Masked(k.Set, b), bits),
            _ => value,
        };
    }

    private static CodeSetFact Masked(CodeSetFact set, FrozenDictionary<string, ulong> bits)
    {
        var mask = 0UL;
        foreach (var code in set.Codes)
        {
            // A code the field does not declare (a file read without the vocabulary) leaves the set to the plain test.
            if (!bits.TryGetValue(code, out var bit)) return set;
            mask |= bit;
        }
        return set with { Mask = mask, Masked = true };
    }
}

/// <summary>A ranked employee field: its key and slot, its levels from the highest, and the code an absent value takes.</summary>
internal sealed record RankedField(string Key, int Slot, System.Collections.Immutable.ImmutableArray<string> Ranks, string? Default)
{
    /// <summary>The level of <paramref name="value"/> (0: the highest), -1 for a code that is no level, null when unknown.</summary>
    public int? Level(FactValue? value) =>
        (value is CodeFact c ? c.Code : value is null ? Default : null) is { } code ? Ranks.IndexOf(code) : value is null ? null : -1;
}
