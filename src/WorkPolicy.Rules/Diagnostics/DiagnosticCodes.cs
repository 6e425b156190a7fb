namespace WorkPolicy.Rules.Diagnostics;

/// <summary>The codes of <see cref="DiagnosticCatalog"/> by name, for the places that report them.</summary>
internal static class DiagnosticCodes
{
    /// <summary>A file could not be read.</summary>
    public const string FileUnreadable = "WP0001";
    /// <summary>A file is larger than the size limit.</summary>
    public const string FileTooLarge = "WP0002";
    /// <summary>A file is not valid UTF-8.</summary>
    public const string BadEncoding = "WP0003";
    /// <summary>A path names no rule file.</summary>
    public const string NoRuleFiles = "WP0004";
    /// <summary>A rule file that declares nothing.</summary>
    public const string EmptyRuleFile = "WP0005";
    /// <summary>Facts that hold nothing: an empty file or text.</summary>
    public const string EmptyFacts = "WP0006";

    /// <summary>DSL syntax error.</summary>
    public const string Syntax = "WP0101";
    /// <summary>Nesting deeper than the limit.</summary>
    public const string TooDeep = "WP0102";
    /// <summary>A token (name, string) longer than the limit.</summary>
    public const string TokenTooLong = "WP0103";
    /// <summary>More items (provisions, entries) than the limit.</summary>
    public const string TooMany = "WP0104";
    /// <summary>An impossible date.</summary>
    public const string BadDate = "WP0105";
    /// <summary>An impossible time of day.</summary>
    public const string BadTime = "WP0106";
    /// <summary>A time zone id the time-zone database does not know.</summary>
    public const string UnknownZone = "WP0107";
    /// <summary>A property given twice.</summary>
    public const string DuplicateProperty = "WP0108";
    /// <summary>A required property is missing.</summary>
    public const string MissingProperty = "WP0109";
    /// <summary>A value outside its allowed range.</summary>
    public const string BadValue = "WP0110";
    /// <summary>A file with comments left as it is by the canonical printer.</summary>
    public const string CommentsKept = "WP0111";

    /// <summary>YAML syntax error.</summary>
    public const string YamlSyntax = "WP0201";
    /// <summary>YAML anchors and aliases are refused.</summary>
    public const string YamlAlias = "WP0202";
    /// <summary>A key given twice in one mapping.</summary>
    public const string DuplicateKey = "WP0203";
    /// <summary>A key the format does not define.</summary>
    public const string UnknownKey = "WP0204";
    /// <summary>A value of the wrong shape (scalar, list, mapping).</summary>
    public const string WrongShape = "WP0205";

    /// <summary>Two declarations share an id.</summary>
    public const string DuplicateId = "WP0301";
    /// <summary>A reference to a provision or circular that does not exist.</summary>
    public const string UnknownReference = "WP0302";
    /// <summary>A fact field the vocabulary does not declare.</summary>
    public const string UnknownField = "WP0303";
    /// <summary>A code outside a field's vocabulary.</summary>
    public const string UnknownCode = "WP0304";
    /// <summary>Two provisions can both apply with different outcomes and no stated priority.</summary>
    public const string Conflict = "WP0305";
    /// <summary>Overrides form a cycle.</summary>
    public const string OverrideCycle = "WP0306";
    /// <summary>A region the vocabulary does not declare.</summary>
    public const string UnknownRegion = "WP0307";
    /// <summary>A name that is neither a field nor a definition.</summary>
    public const string UnknownName = "WP0308";
    /// <summary>Definitions refer to each other in a cycle.</summary>
    public const string DefinitionCycle = "WP0309";
    /// <summary>An operator applied to a field of the wrong type.</summary>
    public const string TypeMismatch = "WP0310";
    /// <summary>The conflict search gave up on too many combinations.</summary>
    public const string ConflictSearchLimit = "WP0311";
    /// <summary>A relation that would take effect names no loaded circular; it stays a citation.</summary>
    public const string RelationWithoutEffect = "WP0312";
    /// <summary>Amendments or 'follows' relations form a cycle, or a relation is used where it cannot apply.</summary>
    public const string BadRelation = "WP0313";
    /// <summary>Two rows of a quota table can both hold.</summary>
    public const string QuotaRowsOverlap = "WP0314";
    /// <summary>No row of a quota table holds for someone in the provision's scope.</summary>
    public const string QuotaRowsGap = "WP0315";
    /// <summary>Someone in a circular's regions whom none of its provisions decides.</summary>
    public const string ProvisionGap = "WP0316";
    /// <summary>A deciding provision that decides for nobody on any date: always overridden, or never applies.</summary>
    public const string DeadProvision = "WP0317";
    /// <summary>A pool's share that rounds to no place at all for small pools, so the share stated cannot be met there.</summary>
    public const string QuotaUnmet = "WP0318";
    /// <summary>An 'overrides' whose two provisions never apply to the same person: it never takes effect.</summary>
    public const string IdleOverrides = "WP0319";

    /// <summary>Facts: a required key is missing.</summary>
    public const string FactsMissing = "WP0402";
    /// <summary>Facts: a reference to an id not in the file.</summary>
    public const string DanglingReference = "WP0404";
    /// <summary>Facts: an id given twice.</summary>
    public const string FactsDuplicateId = "WP0405";
    /// <summary>Facts: units whose parents form a cycle.</summary>
    public const string ParentCycle = "WP0406";
}
