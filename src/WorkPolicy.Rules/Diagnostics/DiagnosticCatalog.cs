using System.Collections.Frozen;
using System.Collections.Immutable;
using static WorkPolicy.Rules.Diagnostics.DiagnosticCodes;

namespace WorkPolicy.Rules.Diagnostics;

/// <summary>One code of the catalogue: its severity, a title and what to do about it.</summary>
/// <param name="Code">The stable code, e.g. <c>WP0303</c>.</param>
/// <param name="Severity">Every diagnostic of this code has this severity.</param>
/// <param name="Title">What went wrong, in a few words.</param>
/// <param name="Help">What the analyst can do about it.</param>
internal sealed record DiagnosticDescriptor(string Code, Severity Severity, string Title, string Help);

/// <summary>
/// Every diagnostic the tools report, in one table (as Roslyn's descriptors): the severity of a code
/// is stated here and nowhere else. docs/diagnostics.md is this table in prose; a test holds the two
/// equal.
/// </summary>
internal static class DiagnosticCatalog
{
    public static ImmutableArray<DiagnosticDescriptor> All { get; } =
    [
        new(FileUnreadable, Severity.Error, "file cannot be read", "Check the path and the file's permissions."),
        new(FileTooLarge, Severity.Error, "file too large", "Split the rules into several files, or the facts into several exports."),
        new(BadEncoding, Severity.Error, "not valid UTF-8", "Save the file as UTF-8."),
        new(NoRuleFiles, Severity.Error, "no rule files", "Name .wp, .yaml or .yml files, or a folder holding some."),
        new(EmptyRuleFile, Severity.Warning, "rule file declares nothing", "Add a vocabulary or a circular, or remove the file."),
        new(EmptyFacts, Severity.Error, "facts are empty", "Give at least the units and employees (docs/facts.md), or name the right file."),
        new(Syntax, Severity.Error, "syntax error", "The message says what was expected at the place shown."),
        new(TooDeep, Severity.Error, "nesting too deep", "Split the condition with named definitions."),
        new(TokenTooLong, Severity.Error, "token too long", "Shorten the name or text."),
        new(TooMany, Severity.Error, "too many items", "Split the circular or the list."),
        new(BadDate, Severity.Error, "impossible date", "Write a date that exists, as yyyy-mm-dd."),
        new(BadTime, Severity.Error, "impossible time", "Write a time of day as hh:mm, 00:00 to 23:59."),
        new(UnknownZone, Severity.Error, "unknown time zone", "Use an IANA zone such as Asia/Jakarta or Asia/Makassar."),
        new(DuplicateProperty, Severity.Error, "property given twice", "Keep one of them."),
        new(MissingProperty, Severity.Error, "required property missing", "Add the property the message names."),
        new(BadValue, Severity.Error, "value out of range or of the wrong kind", "Use a value of the kind the message names."),
        new(CommentsKept, Severity.Warning, "file with comments left as it is", "Canonical layout does not keep comments; format by hand or move the comments into ambiguity notes."),
        new(YamlSyntax, Severity.Error, "YAML syntax error", "Fix the YAML at the place shown."),
        new(YamlAlias, Severity.Error, "YAML anchor or alias", "Write the value out; anchors and aliases are refused."),
        new(DuplicateKey, Severity.Error, "key given twice", "Keep one of them."),
        new(UnknownKey, Severity.Error, "unknown key", "Use a key the format defines (the message suggests the nearest)."),
        new(WrongShape, Severity.Error, "value of the wrong shape", "Give a scalar, a list or a mapping as the message says."),
        new(DuplicateId, Severity.Error, "id declared twice", "Rename one of them."),
        new(UnknownReference, Severity.Error, "reference to nothing", "Name a provision or circular that is declared."),
        new(UnknownField, Severity.Error, "undeclared field", "Declare the field in a vocabulary, or correct the path."),
        new(UnknownCode, Severity.Error, "code outside the vocabulary", "Use a code the field declares, or add it to the vocabulary."),
        new(Conflict, Severity.Error, "provisions in conflict", "State which is the exception with 'overrides'."),
        new(OverrideCycle, Severity.Error, "overrides in a cycle", "Remove one 'overrides' of the cycle."),
        new(UnknownRegion, Severity.Error, "undeclared region", "Declare the region in a vocabulary, or correct its id."),
        new(UnknownName, Severity.Error, "unknown name", "Declare the definition, or write a field path (entity.field)."),
        new(DefinitionCycle, Severity.Error, "definitions in a cycle", "Remove the self-reference."),
        new(TypeMismatch, Severity.Error, "operator or value of the wrong type", "Compare the field as its type allows."),
        new(ConflictSearchLimit, Severity.Warning, "conflict search gave up", "State an 'overrides' between the two provisions."),
        new(RelationWithoutEffect, Severity.Warning, "relation names no loaded circular", "Load the circular it names (by id) for the relation to take effect, or leave it as a citation."),
        new(BadRelation, Severity.Error, "relation that cannot apply", "Break the cycle, or relate the circular to the one the message names."),
        new(QuotaRowsOverlap, Severity.Error, "quota rows overlap", "Make the rows' conditions exclude each other (the first would win silently)."),
        new(QuotaRowsGap, Severity.Warning, "quota table leaves a gap", "Add a row for the case the message names, or narrow the provision's scope; there the provision does not apply."),
        new(ProvisionGap, Severity.Warning, "circular decides nothing for some staff", "If the circular means to leave them out, say so in an ambiguity note; otherwise add the provision that decides for them."),
        new(DeadProvision, Severity.Warning, "provision never decides", "Check its scope and the 'overrides' that name it: as written it decides for nobody on any date (check --analyze)."),
        new(QuotaUnmet, Severity.Warning, "share cannot be met in small pools", "State how small pools are served: 'rounding turns' spreads the share over the rotation cycle (check --analyze)."),
        new(IdleOverrides, Severity.Warning, "'overrides' never takes effect", "The two provisions never apply to the same person: drop the edge, or check the scopes if they were meant to meet (check --analyze)."),
        new(FactsMissing, Severity.Error, "facts: required key missing", "Add the key the message names."),
        new(DanglingReference, Severity.Error, "facts: reference to an id not in the file", "Add the unit or employee, or correct the id."),
        new(FactsDuplicateId, Severity.Error, "facts: id given twice", "Keep one of them."),
        new(ParentCycle, Severity.Error, "facts: units' parents in a cycle", "Correct the parent chain."),
    ];

    private static readonly FrozenDictionary<string, DiagnosticDescriptor> ByCode = All.ToFrozenDictionary(d => d.Code, StringComparer.Ordinal);

    /// <summary>The entry of <paramref name="code"/>; every code reported must have one.</summary>
    public static DiagnosticDescriptor Of(string code) =>
        ByCode.TryGetValue(code, out var d) ? d : throw new InvalidOperationException($"diagnostic code {code} is not in the catalogue");
}
