using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Reflection;

namespace WorkPolicy.Diagnostics;

/// <summary>One code of the catalogue: its severity, a title and what to do about it.</summary>
/// <param name="Code">The stable code, e.g. <c>WP0303</c>.</param>
/// <param name="Severity">Every diagnostic of this code has this severity.</param>
/// <param name="Title">What went wrong, in a few words.</param>
/// <param name="Help">What the analyst can do about it.</param>
internal sealed record DiagnosticDescriptor(string Code, Severity Severity, string Title, string Help);

/// <summary>
/// Every diagnostic the tools report, each declared once (as Roslyn's descriptors): its code, severity, title and
/// help are stated here and nowhere else; call sites report a descriptor. docs/diagnostics.md is this table in
/// prose; a test holds the two equal.
/// </summary>
internal static class DiagnosticCatalog
{
    /// <summary>A file could not be read.</summary>
    public static readonly DiagnosticDescriptor FileUnreadable = new("WP0001", Severity.Error, "file cannot be read", "Check the path and the file's permissions.");

    /// <summary>A file is larger than the size limit.</summary>
    public static readonly DiagnosticDescriptor FileTooLarge = new("WP0002", Severity.Error, "file too large", "Split the rules into several files, or the facts into several exports.");

    /// <summary>A file is not valid UTF-8.</summary>
    public static readonly DiagnosticDescriptor BadEncoding = new("WP0003", Severity.Error, "not valid UTF-8", "Save the file as UTF-8.");

    /// <summary>A path names no rule file.</summary>
    public static readonly DiagnosticDescriptor NoRuleFiles = new("WP0004", Severity.Error, "no rule files", "Name .wp, .yaml or .yml files, or a folder holding some.");

    /// <summary>A rule file that declares nothing.</summary>
    public static readonly DiagnosticDescriptor EmptyRuleFile = new("WP0005", Severity.Warning, "rule file declares nothing", "Add a vocabulary or a circular, or remove the file.");

    /// <summary>Facts that hold nothing: an empty file or text.</summary>
    public static readonly DiagnosticDescriptor EmptyFacts = new("WP0006", Severity.Error, "facts are empty", "Give at least the units and employees (docs/facts.md), or name the right file.");

    /// <summary>A file the run was to write cannot be written.</summary>
    public static readonly DiagnosticDescriptor FileUnwritable = new("WP0007", Severity.Error, "file cannot be written", "Name a file (not a folder) in a folder that exists and that you may write to.");

    /// <summary>DSL syntax error.</summary>
    public static readonly DiagnosticDescriptor Syntax = new("WP0101", Severity.Error, "syntax error", "The message says what was expected at the place shown.");

    /// <summary>Nesting deeper than the limit.</summary>
    public static readonly DiagnosticDescriptor TooDeep = new("WP0102", Severity.Error, "nesting too deep", "Split the condition with named definitions.");

    /// <summary>A token (name, string) longer than the limit.</summary>
    public static readonly DiagnosticDescriptor TokenTooLong = new("WP0103", Severity.Error, "token too long", "Shorten the name or text.");

    /// <summary>More items (provisions, entries) than the limit.</summary>
    public static readonly DiagnosticDescriptor TooMany = new("WP0104", Severity.Error, "too many items", "Split the circular or the list.");

    /// <summary>An impossible date.</summary>
    public static readonly DiagnosticDescriptor BadDate = new("WP0105", Severity.Error, "impossible date", "Write a date that exists, as yyyy-mm-dd.");

    /// <summary>An impossible time of day.</summary>
    public static readonly DiagnosticDescriptor BadTime = new("WP0106", Severity.Error, "impossible time", "Write a time of day as hh:mm, 00:00 to 23:59.");

    /// <summary>A time zone id the time-zone database does not know.</summary>
    public static readonly DiagnosticDescriptor UnknownZone = new("WP0107", Severity.Error, "unknown time zone", "Use an IANA zone such as Asia/Jakarta or Asia/Makassar.");

    /// <summary>A property given twice.</summary>
    public static readonly DiagnosticDescriptor DuplicateProperty = new("WP0108", Severity.Error, "property given twice", "Keep one of them.");

    /// <summary>A required property is missing.</summary>
    public static readonly DiagnosticDescriptor MissingProperty = new("WP0109", Severity.Error, "required property missing", "Add the property the message names.");

    /// <summary>A value outside its allowed range.</summary>
    public static readonly DiagnosticDescriptor BadValue = new("WP0110", Severity.Error, "value out of range or of the wrong kind", "Use a value of the kind the message names.");

    /// <summary>YAML syntax error.</summary>
    public static readonly DiagnosticDescriptor YamlSyntax = new("WP0201", Severity.Error, "YAML syntax error", "Fix the YAML at the place shown.");

    /// <summary>YAML anchors and aliases are refused.</summary>
    public static readonly DiagnosticDescriptor YamlAlias = new("WP0202", Severity.Error, "YAML anchor or alias", "Write the value out; anchors and aliases are refused.");

    /// <summary>A key given twice in one mapping.</summary>
    public static readonly DiagnosticDescriptor DuplicateKey = new("WP0203", Severity.Error, "key given twice", "Keep one of them.");

    /// <summary>A key the format does not define.</summary>
    public static readonly DiagnosticDescriptor UnknownKey = new("WP0204", Severity.Error, "unknown key", "Use a key the format defines (the message suggests the nearest).");

    /// <summary>A value of the wrong shape (scalar, list, mapping).</summary>
    public static readonly DiagnosticDescriptor WrongShape = new("WP0205", Severity.Error, "value of the wrong shape", "Give a scalar, a list or a mapping as the message says.");

    /// <summary>Two declarations share an id.</summary>
    public static readonly DiagnosticDescriptor DuplicateId = new("WP0301", Severity.Error, "id declared twice", "Rename one of them.");

    /// <summary>A reference to a provision or circular that does not exist.</summary>
    public static readonly DiagnosticDescriptor UnknownReference = new("WP0302", Severity.Error, "reference to nothing", "Name a provision or circular that is declared.");

    /// <summary>A fact field the vocabulary does not declare.</summary>
    public static readonly DiagnosticDescriptor UnknownField = new("WP0303", Severity.Error, "undeclared field", "Declare the field in a vocabulary, or correct the path.");

    /// <summary>A code outside a field's vocabulary.</summary>
    public static readonly DiagnosticDescriptor UnknownCode = new("WP0304", Severity.Error, "code outside the vocabulary", "Use a code the field declares, or add it to the vocabulary.");

    /// <summary>Two provisions can both apply with different outcomes and no stated priority.</summary>
    public static readonly DiagnosticDescriptor Conflict = new("WP0305", Severity.Error, "provisions in conflict", "State which is the exception with 'overrides'.");

    /// <summary>Overrides form a cycle.</summary>
    public static readonly DiagnosticDescriptor OverrideCycle = new("WP0306", Severity.Error, "overrides in a cycle", "Remove one 'overrides' of the cycle.");

    /// <summary>A region the vocabulary does not declare.</summary>
    public static readonly DiagnosticDescriptor UnknownRegion = new("WP0307", Severity.Error, "undeclared region", "Declare the region in a vocabulary, or correct its id.");

    /// <summary>A name that is neither a field nor a definition.</summary>
    public static readonly DiagnosticDescriptor UnknownName = new("WP0308", Severity.Error, "unknown name", "Declare the definition, or write a field path (entity.field).");

    /// <summary>Definitions refer to each other in a cycle.</summary>
    public static readonly DiagnosticDescriptor DefinitionCycle = new("WP0309", Severity.Error, "definitions in a cycle", "Remove the self-reference.");

    /// <summary>An operator applied to a field of the wrong type.</summary>
    public static readonly DiagnosticDescriptor TypeMismatch = new("WP0310", Severity.Error, "operator or value of the wrong type", "Compare the field as its type allows.");

    /// <summary>The conflict search gave up on too many combinations.</summary>
    public static readonly DiagnosticDescriptor ConflictSearchLimit = new("WP0311", Severity.Warning, "conflict search gave up", "State an 'overrides' between the two provisions.");

    /// <summary>A relation that would take effect names no loaded circular; it stays a citation.</summary>
    public static readonly DiagnosticDescriptor RelationWithoutEffect = new("WP0312", Severity.Warning, "relation names no loaded circular", "Load the circular it names (by id) for the relation to take effect, or leave it as a citation.");

    /// <summary>Amendments or 'follows' relations form a cycle, or a relation is used where it cannot apply.</summary>
    public static readonly DiagnosticDescriptor BadRelation = new("WP0313", Severity.Error, "relation that cannot apply", "Break the cycle, or relate the circular to the one the message names.");

    /// <summary>Two rows of a quota table can both hold.</summary>
    public static readonly DiagnosticDescriptor QuotaRowsOverlap = new("WP0314", Severity.Error, "quota rows overlap", "Make the rows' conditions exclude each other (the first would win silently).");

    /// <summary>No row of a quota table holds for someone in the provision's scope.</summary>
    public static readonly DiagnosticDescriptor QuotaRowsGap = new("WP0315", Severity.Warning, "quota table leaves a gap", "Add a row for the case the message names, or narrow the provision's scope; there the provision does not apply.");

    /// <summary>Someone in a circular's regions whom none of its provisions decides.</summary>
    public static readonly DiagnosticDescriptor ProvisionGap = new("WP0316", Severity.Warning, "circular decides nothing for some staff", "If the circular means to leave them out, say so in an ambiguity note; otherwise add the provision that decides for them.");

    /// <summary>A deciding provision that decides for nobody on any date: always overridden, or never applies.</summary>
    public static readonly DiagnosticDescriptor DeadProvision = new("WP0317", Severity.Warning, "provision never decides", "Check its scope and the 'overrides' that name it: as written it decides for nobody on any date (check --analyze).");

    /// <summary>A pool's share that rounds to no place at all for small pools, so the share stated cannot be met there.</summary>
    public static readonly DiagnosticDescriptor QuotaUnmet = new("WP0318", Severity.Warning, "share cannot be met in small pools", "State how small pools are served: 'rounding turns' spreads a target share over the rotation cycle; a cap that leaves small pools no place may want 'rounding up' (check --analyze).");

    /// <summary>An 'overrides' whose two provisions never apply to the same person: it never takes effect.</summary>
    public static readonly DiagnosticDescriptor IdleOverrides = new("WP0319", Severity.Warning, "'overrides' never takes effect", "The two provisions never apply to the same person: drop the edge, or check the scopes if they were meant to meet (check --analyze).");

    /// <summary>The search for staff a circular decides nothing for gave up: its scopes mention too many values.</summary>
    public static readonly DiagnosticDescriptor GapSearchLimit = new("WP0320", Severity.Warning, "gap search gave up", "Run check --analyze, which walks every class of staff by date and region; or split the circular's long value lists.");

    /// <summary>A pool whose quota base ('50% of asn') leaves out some of the pool's own members.</summary>
    public static readonly DiagnosticDescriptor QuotaBaseNarrow = new("WP0321", Severity.Error, "quota base narrower than the pool", "Widen the base ('of …') to hold everyone the provision puts in the pool, or narrow the provision's scope.");

    /// <summary>Two circulars for one region, in force from the same day, that can decide differently with no stated relation.</summary>
    public static readonly DiagnosticDescriptor CircularsTie = new("WP0322", Severity.Error, "circulars tie", "State how they relate: 'follows' (asked before the other where both are in force), 'supersedes' or 'amends'; or give them the first days the texts give.");

    /// <summary>A share's floor and ceiling that no whole number of persons meets for some pool sizes.</summary>
    public static readonly DiagnosticDescriptor RangeHoldsNoCount = new("WP0323", Severity.Warning, "share range holds no whole count", "For those pool sizes rosters put the least count above the bottom at the place, over the top: widen the range, add 'at-least N person' or state which bound wins (check --analyze).");

    /// <summary>A check-in duty that states no window: attendance has nothing to check it against.</summary>
    public static readonly DiagnosticDescriptor CheckInNoWindow = new("WP0324", Severity.Warning, "check-in with no window", "Give the times it is due ('windows mon-fri 07:00-07:30'), or name the duty otherwise if the text states no time; accept the warning if the text truly gives none (check --analyze).");

    /// <summary>A pool's cycle whose days at the place do not keep its share.</summary>
    public static readonly DiagnosticDescriptor CycleAgainstShare = new("WP0325", Severity.Warning, "cycle contradicts the share", "Make the share what the cycle gives (2 office 1 home is 2/3 at the office), or the cycle what the share asks (check --analyze).");

    /// <summary>A unit whose rules split its employees into more classes than a query holds.</summary>
    public static readonly DiagnosticDescriptor QueryUntranslatable = new("WP0326", Severity.Warning, "rules a query cannot ask", "Decide the employees of those units one by one (eval): their rules split them into more classes than a query holds.");

    /// <summary>Rules compiled to C# ahead of time that were made from other rules than those loaded.</summary>
    public static readonly DiagnosticDescriptor CompiledRulesStale = new("WP0327", Severity.Warning, "compiled rules made from other rules", "Regenerate the compiled rules from the rule files (RuleCompiler.EmitCSharp, 'workpolicy compile', or a build with WorkPolicy.Build); meanwhile the rules are compiled at load.");

    /// <summary>Facts: a required key is missing.</summary>
    public static readonly DiagnosticDescriptor FactsMissing = new("WP0402", Severity.Error, "facts: required key missing", "Add the key the message names.");

    /// <summary>Facts: a reference to an id not in the file.</summary>
    public static readonly DiagnosticDescriptor DanglingReference = new("WP0404", Severity.Error, "facts: reference to an id not in the file", "Add the unit or employee, or correct the id.");

    /// <summary>Facts: an id given twice.</summary>
    public static readonly DiagnosticDescriptor FactsDuplicateId = new("WP0405", Severity.Error, "facts: id given twice", "Keep one of them.");

    /// <summary>Facts: units whose parents form a cycle.</summary>
    public static readonly DiagnosticDescriptor ParentCycle = new("WP0406", Severity.Error, "facts: units' parents in a cycle", "Correct the parent chain.");

    /// <summary>Entries of a dated series whose stretches overlap, or end before they start.</summary>
    public static readonly DiagnosticDescriptor StatusOverlap = new("WP0407", Severity.Error, "facts: dated entries overlap", "Give each entry its own days: an entry holds from its 'from' until the next entry starts, or until its own 'until'.");

    /// <summary>Every descriptor, by code.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } =
        [.. typeof(DiagnosticCatalog).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!).OrderBy(d => d.Code, StringComparer.Ordinal)];

    private static readonly FrozenDictionary<string, DiagnosticDescriptor> ByCode = All.ToFrozenDictionary(d => d.Code, StringComparer.Ordinal);

    /// <summary>The entry of <paramref name="code"/>; every code reported must have one.</summary>
    public static DiagnosticDescriptor Of(string code) =>
        ByCode.TryGetValue(code, out var d) ? d : throw new InvalidOperationException($"diagnostic code {code} is not in the catalogue");
}
