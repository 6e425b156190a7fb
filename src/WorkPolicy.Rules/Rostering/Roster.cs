using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Rules.Ast;

namespace WorkPolicy.Rules.Rostering;

/// <summary>Where an employee is on a day.</summary>
internal enum Place
{
    /// <summary>At the office.</summary>
    Office,
    /// <summary>Working from home.</summary>
    Home,
    /// <summary>Not a working day.</summary>
    Off,
}

/// <summary>One cell of a roster.</summary>
internal sealed record Assignment(string Employee, LocalDate Date, Place Place);

/// <summary>An employee and day the roster could not place because facts are missing.</summary>
internal sealed record Unassigned(string Employee, LocalDate Date, ImmutableArray<string> Unknown);

/// <summary>A rotation pool on one day: its members, the quota and how many are at the quota's place.</summary>
internal sealed record PoolDay(string Group, string Unit, LocalDate Date, int Members, QuotaPlace Place, int Quota, bool AtMost, int AtPlace)
{
    /// <summary>Whether the day's count honours the quota.</summary>
    public bool Holds => AtMost ? AtPlace <= Quota : AtPlace == Quota;
}

/// <summary>A planned roster: assignments in employee-then-date order, what could not be placed, and pool counts.</summary>
internal sealed record Roster(ImmutableArray<Assignment> Assignments, ImmutableArray<Unassigned> Unassigned, ImmutableArray<PoolDay> Pools);

/// <summary>Words for places in files and output.</summary>
internal static class Places
{
    /// <summary>The word of a place.</summary>
    public static string Word(this Place p) => p switch { Place.Office => "office", Place.Home => "home", _ => "off" };

    /// <summary>Parses a place word.</summary>
    public static bool TryParse(string word, out Place place)
    {
        switch (word.Trim().ToLowerInvariant())
        {
            case "office": place = Place.Office; return true;
            case "home": place = Place.Home; return true;
            case "off": place = Place.Off; return true;
            default: place = default; return false;
        }
    }
}
