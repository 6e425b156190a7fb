using System.Globalization;
using WorkPolicy.Rules.Ast;
using WorkPolicy.Rules.Facts;

namespace WorkPolicy.Rules.Evaluation;

/// <summary>
/// One fact a circular reads, cut into the classes its tests can tell apart: for a code field,
/// "missing", each code the rules name, and "any other code"; for a number, the intervals between
/// the thresholds the rules name and the thresholds themselves; for a code set, which named codes
/// it holds. Two employees in the same class of every dimension get the same verdict, so a verdict
/// can be remembered under the tuple of classes (<see cref="DecisionKey"/>).
/// </summary>
internal sealed class KeyDimension
{
    private enum Source : byte { Employee, Unit, TopUnit, Incident }

    private readonly Source _source;
    private readonly int _slot;
    private readonly FieldKind _kind;
    private readonly int[] _codeClass = [];
    private readonly string[] _setCodes = [];
    private readonly decimal[] _thresholds = [];
    private readonly Func<EvalScope, Tri>? _incident;

    // classes: how many classes the fact falls into; a class number needs Bits bits.
    private KeyDimension(Source source, int slot, FieldKind kind, int classes)
    {
        _source = source;
        _slot = slot;
        _kind = kind;
        Bits = classes <= 1 ? 0 : 32 - int.LeadingZeroCount(classes - 1);
    }

    private KeyDimension(Func<EvalScope, Tri> incident)
        : this(Source.Incident, -1, FieldKind.Bool, 3) => _incident = incident;

    private KeyDimension(Source source, int slot, FieldKind kind, int classes, int[] codeClass, string[] setCodes, decimal[] thresholds)
        : this(source, slot, kind, classes)
    {
        _codeClass = codeClass;
        _setCodes = setCodes;
        _thresholds = thresholds;
    }

    /// <summary>Bits a class number needs in a key.</summary>
    public int Bits { get; }

    /// <summary>Most named codes a set field may have before its classes grow too many to key.</summary>
    private const int MaxSetCodes = 12;

    /// <summary>The dimension of an incident test: its three-valued outcome for the employee's unit and date.</summary>
    public static KeyDimension ForIncident(Func<EvalScope, Tri> incident) => new(incident);

    /// <summary>
    /// The dimension of field <paramref name="path"/> (<c>employee.x</c>, <c>unit.x</c>, <c>top-unit.x</c>)
    /// of kind <paramref name="kind"/>, tested against <paramref name="literals"/>; null when it cannot be keyed.
    /// </summary>
    public static KeyDimension? ForField(string path, FieldKind kind, IEnumerable<string> literals)
    {
        var dot = path.IndexOf('.');
        if (dot < 0) return null;
        Source? source = path[..dot] switch
        {
            "employee" => Source.Employee,
            "unit" => Source.Unit,
            "top-unit" => Source.TopUnit,
            _ => null,
        };
        if (source is not { } src) return null;
        var slot = FieldKeys.Intern(path[(dot + 1)..]);
        var named = literals.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        switch (kind)
        {
            case FieldKind.OneOf:
                var ids = named.Select(CodeIds.Intern).ToArray();
                var map = new int[ids.Length == 0 ? 0 : ids.Max() + 1];
                Array.Fill(map, 1);
                for (var i = 0; i < ids.Length; i++) map[ids[i]] = 2 + i;
                return new KeyDimension(src, slot, kind, 2 + ids.Length, map, [], []);
            case FieldKind.Bool:
                return new KeyDimension(src, slot, kind, 3);
            case FieldKind.Number:
                // Unparsable literals compare as 0, as the compiled tests read them.
                var thresholds = named.Select(t => decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : 0m)
                    .Distinct().Order().ToArray();
                return new KeyDimension(src, slot, kind, 2 + 2 * thresholds.Length, [], [], thresholds);
            case FieldKind.SetOf when named.Length <= MaxSetCodes:
                return new KeyDimension(src, slot, kind, 1 + (1 << named.Length), [], named, []);
            default:
                return null;
        }
    }

    /// <summary>The class of the scope's employee, or -1 when the fact has an unexpected shape (decide without the key).</summary>
    public int ClassOf(EvalScope s)
    {
        if (_source == Source.Incident) return (int)_incident!(s);
        var row = _source switch
        {
            Source.Employee => s.Employee!.Slots,
            Source.Unit => s.Unit?.Slots,
            _ => s.TopUnit?.Slots,
        };
        if (row is null || (uint)_slot >= (uint)row.Length || row[_slot] is not { } value) return 0;
        switch (_kind)
        {
            case FieldKind.OneOf when value is CodeFact code:
                var id = code.Id;
                return (uint)id < (uint)_codeClass.Length ? _codeClass[id] : 1;
            case FieldKind.Bool when value is BoolFact b:
                return b.Value ? 2 : 1;
            case FieldKind.Number when value is NumberFact n:
                return 1 + NumberClass(n.Value);
            case FieldKind.SetOf when value is CodeSetFact set:
                var mask = 0;
                for (var i = 0; i < _setCodes.Length; i++)
                {
                    if (set.Contains(_setCodes[i])) mask |= 1 << i;
                }
                return 1 + mask;
            default:
                return -1;
        }
    }

    /// <summary>0 below the first threshold, 1 on it, 2 between it and the next, …</summary>
    private int NumberClass(decimal v)
    {
        var t = _thresholds;
        for (var i = 0; i < t.Length; i++)
        {
            if (v < t[i]) return 2 * i;
            if (v == t[i]) return 2 * i + 1;
        }
        return 2 * t.Length;
    }
}
