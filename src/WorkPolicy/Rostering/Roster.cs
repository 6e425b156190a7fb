using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Ast;

namespace WorkPolicy.Rostering;

/// <summary>A planned roster: assignments in employee-then-date order, what could not be placed, and pool counts.</summary>
internal sealed record Roster(IReadOnlyCollection<RosterEntry> Assignments, ImmutableArray<UnplacedDay> Unassigned, ImmutableArray<PoolDayCount> Pools);

/// <summary>Words for places in files and output.</summary>
internal static class Places
{
    /// <summary>The word of a place.</summary>
    public static string Word(this RosterPlace p) => p switch { RosterPlace.Office => "office", RosterPlace.Home => "home", _ => "off" };

    /// <summary>Parses a place word.</summary>
    public static bool TryParse(string word, out RosterPlace place)
    {
        switch (word.Trim().ToLowerInvariant())
        {
            case "office": place = RosterPlace.Office; return true;
            case "home": place = RosterPlace.Home; return true;
            case "off": place = RosterPlace.Off; return true;
            default: place = default; return false;
        }
    }
}
