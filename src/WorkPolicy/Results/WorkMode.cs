namespace WorkPolicy;

/// <summary>The decision modes of decisions.md.</summary>
public enum WorkMode
{
    /// <summary>Works at the office as usual.</summary>
    Office,
    /// <summary>Works from home.</summary>
    Home,
    /// <summary>Takes turns under a quota.</summary>
    Rotation,
    /// <summary>May work from home.</summary>
    Optional,
    /// <summary>Not a working day while a circular is in force.</summary>
    DayOff,
    /// <summary>No loaded circular applies.</summary>
    NotCovered,
    /// <summary>Depends on facts not given.</summary>
    Indeterminate,
}

/// <summary>Why a decision is <see cref="WorkMode.NotCovered"/>.</summary>
public enum NotCoveredReason
{
    /// <summary>No circular is in force for the employee on the date.</summary>
    NoCircularInForce,
    /// <summary>Circulars are in force, but none of their provisions decides for the employee.</summary>
    NoProvisionFits,
}

/// <summary>The words used for modes in files and output.</summary>
public static class WorkModes
{
    /// <summary>The word of a mode, e.g. <c>day-off</c>.</summary>
    public static string Word(this WorkMode mode) => mode switch
    {
        WorkMode.Office => "office",
        WorkMode.Home => "home",
        WorkMode.Rotation => "rotation",
        WorkMode.Optional => "optional",
        WorkMode.DayOff => "day-off",
        WorkMode.NotCovered => "not-covered",
        _ => "indeterminate",
    };

    /// <summary>The word of a reason, e.g. <c>no-provision-fits</c>.</summary>
    public static string Word(this NotCoveredReason reason) => reason == NotCoveredReason.NoProvisionFits ? "no-provision-fits" : "no-circular-in-force";

    /// <summary>Modes a provision may decide.</summary>
    internal static readonly IReadOnlyList<WorkMode> ProvisionModes = [WorkMode.Office, WorkMode.Home, WorkMode.Rotation, WorkMode.Optional];

    /// <summary>Parses any mode's word, as <see cref="Word(WorkMode)"/> writes it (what a command line or a request gives).</summary>
    /// <example><code>if (!WorkModes.TryParse("day-off", out var mode)) return Results.Problem("not a mode");</code></example>
    public static bool TryParse(string? word, out WorkMode mode)
    {
        foreach (var m in Enum.GetValues<WorkMode>())
        {
            if (m.Word() == word) { mode = m; return true; }
        }
        mode = default;
        return false;
    }

    /// <summary>Parses a provision mode word.</summary>
    internal static bool TryParseProvisionMode(string word, out WorkMode mode)
    {
        foreach (var m in ProvisionModes)
        {
            if (m.Word() == word) { mode = m; return true; }
        }
        mode = default;
        return false;
    }
}
