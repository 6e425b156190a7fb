namespace WorkPolicy.Rules.Evaluation;

/// <summary>
/// The classes of every fact the circulars in force read, packed into 64 bits: employees with the
/// same key get the same verdict on the same region and day (see <see cref="KeyDimension"/>).
/// </summary>
internal sealed class DecisionKey
{
    /// <summary>Keys are stored plus one in 64 bits, so they use at most 63.</summary>
    public const int MaxBits = 63;
    private readonly KeyDimension[] _dimensions;
    private readonly int[] _shifts;

    private DecisionKey(KeyDimension[] dimensions)
    {
        _dimensions = dimensions;
        _shifts = new int[dimensions.Length];
        var shift = 0;
        for (var i = 0; i < dimensions.Length; i++)
        {
            _shifts[i] = shift;
            shift += dimensions[i].Bits;
        }
        Bits = shift;
    }

    /// <summary>How many bits the key uses.</summary>
    public int Bits { get; }

    /// <summary>
    /// The key over the fields <paramref name="circulars"/> read (incident tests left out: they change
    /// with the date, fields do not), or null when it cannot be keyed in 63 bits.
    /// </summary>
    public static DecisionKey? OfFields(IEnumerable<CompiledCircular> circulars)
    {
        var fields = new SortedDictionary<string, (Ast.FieldKind Kind, List<string> Literals)>(StringComparer.Ordinal);
        var dimensions = new List<KeyDimension>();
        foreach (var c in circulars)
        {
            if (!c.Reads.Keyable) return null;
            foreach (var (path, (kind, literals)) in c.Reads.Fields)
            {
                if (!fields.TryGetValue(path, out var use)) fields[path] = use = (kind, []);
                use.Literals.AddRange(literals);
            }
        }
        foreach (var (path, (kind, literals)) in fields)
        {
            if (KeyDimension.ForField(path, kind, literals) is not { } d) return null;
            dimensions.Add(d);
        }
        return dimensions.Sum(d => d.Bits) <= MaxBits ? new DecisionKey([.. dimensions]) : null;
    }

    /// <summary>The key over the incident tests of <paramref name="circulars"/> (possibly empty).</summary>
    public static DecisionKey OfIncidents(IEnumerable<CompiledCircular> circulars) =>
        new([.. circulars.SelectMany(c => c.Reads.Incidents).Select(KeyDimension.ForIncident)]);

    /// <summary>Whether the key reads nothing.</summary>
    public bool IsEmpty => _dimensions.Length == 0;

    /// <summary>The key of the scope's employee; false when a fact has a shape the key cannot class.</summary>
    public bool TryCompute(EvalScope s, out ulong key)
    {
        key = 0;
        var dims = _dimensions;
        for (var i = 0; i < dims.Length; i++)
        {
            var c = dims[i].ClassOf(s);
            if (c < 0) return false;
            key |= (ulong)c << _shifts[i];
        }
        return true;
    }
}
