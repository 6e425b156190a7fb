namespace WorkPolicy;

/// <summary>Which place a quota percentage speaks of.</summary>
public enum QuotaPlace
{
    /// <summary>Share working at the office.</summary>
    Office,
    /// <summary>Share working from home.</summary>
    Home,
}

/// <summary>What a share of a pool bounds: the persons at its place.</summary>
public enum ShareBound
{
    /// <summary>The share is the target: exactly its persons at the place.</summary>
    Exactly,
    /// <summary>A cap ("maksimal 25 %"): at most the share at the place.</summary>
    AtMost,
    /// <summary>A floor ("sekurang-kurangnya 30 %"): at least the share at the place.</summary>
    AtLeast,
    /// <summary>A range ("25–30 %"): at least its bottom and at most its top at the place.</summary>
    Between,
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
    /// <summary>
    /// Take turns: the whole places every day, and the fraction of a place spread over the days of the
    /// rotation (25 % of one person: one day in four), for texts that speak of staff taking turns. A
    /// target share only: with <c>at-most</c> the turn days would pass the cap.
    /// </summary>
    Turns,
}
