namespace WorkPolicy;

/// <summary>Which place a quota percentage speaks of.</summary>
public enum QuotaPlace
{
    /// <summary>Share working at the office.</summary>
    Office,
    /// <summary>Share working from home.</summary>
    Home,
}

/// <summary>How a percentage of a headcount becomes a whole number of persons.</summary>
public enum Rounding
{
    /// <summary>Round down (never exceed the share).</summary>
    Down,
    /// <summary>Round up.</summary>
    Up,
    /// <summary>Round half up.</summary>
    Nearest,
}
