namespace WorkPolicy.Diagnostics;

/// <summary>
/// What each diagnostic says, declared once beside its code: a composite format whose holes the reporting site fills
/// (<c>{0}</c>, <c>{1:yyyy-MM-dd}</c>). A code of the catalogue may say several things (WP0110 names many kinds of bad
/// value); each thing it says is one message here, so the words live in this file and the call sites pass only values.
/// A did-you-mean is not in the format: it comes from the diagnostic's fix (<see cref="Diagnostic.Suggesting"/>).
/// </summary>
internal static class DiagnosticMessages
{
    // WP0001 FileUnreadable
    public static readonly DiagnosticMessage CannotReadFile = new(DiagnosticCatalog.FileUnreadable, "cannot read file: {0}");
    public static readonly DiagnosticMessage FileNotFound = new(DiagnosticCatalog.FileUnreadable, "file not found");
    public static readonly DiagnosticMessage FolderNotFile = new(DiagnosticCatalog.FileUnreadable, "a folder, not a file: name a file in it");
    public static readonly DiagnosticMessage NoSuchPath = new(DiagnosticCatalog.FileUnreadable, "no such file or folder");

    // WP0002 FileTooLarge
    public static readonly DiagnosticMessage FactsTooLarge = new(DiagnosticCatalog.FileTooLarge, "facts are larger than {0} MiB");
    public static readonly DiagnosticMessage FileTooLarge = new(DiagnosticCatalog.FileTooLarge, "file is larger than {0} MiB");

    // WP0003 BadEncoding
    public static readonly DiagnosticMessage ControlCharacterNotAllowed = new(DiagnosticCatalog.BadEncoding, "control character U+{0:X4} is not allowed; remove it or save the file as plain text");
    public static readonly DiagnosticMessage FileNotValidUtf8 = new(DiagnosticCatalog.BadEncoding, "file is not valid UTF-8; save it as UTF-8");

    // WP0004 NoRuleFiles
    public static readonly DiagnosticMessage FolderWithoutRuleFiles = new(DiagnosticCatalog.NoRuleFiles, "folder holds no rule files (.wp, .yaml)");
    public static readonly DiagnosticMessage NoAnalystTestFiles = new(DiagnosticCatalog.NoRuleFiles, "no analyst test files (*.tests.yaml) here or in tests/");
    public static readonly DiagnosticMessage NoVocabularyToEmit = new(DiagnosticCatalog.NoRuleFiles, "no vocabulary among the rule files: fact types are made from a vocabulary (vocabulary.wp or a file declaring one)");
    public static readonly DiagnosticMessage NoRuleFilesFound = new(DiagnosticCatalog.NoRuleFiles, "no rule files were found to load");
    public static readonly DiagnosticMessage NotRuleFile = new(DiagnosticCatalog.NoRuleFiles, "not a rule file: expected .wp, .yaml or .yml");
    public static readonly DiagnosticMessage NothingToCheck = new(DiagnosticCatalog.NoRuleFiles, "nothing to check: name rule files, facts files or folders");
    public static readonly DiagnosticMessage NothingToLoad = new(DiagnosticCatalog.NoRuleFiles, "nothing to load: name rule files (.wp, .yaml, .yml) or folders holding them");
    public static readonly DiagnosticMessage NothingToLoadFromSources = new(DiagnosticCatalog.NoRuleFiles, "nothing to load: give at least one rule source");

    // WP0005 EmptyRuleFile
    public static readonly DiagnosticMessage FileDeclaresNothing = new(DiagnosticCatalog.EmptyRuleFile, "the file declares no vocabulary and no circular");

    // WP0006 EmptyFacts
    public static readonly DiagnosticMessage FactsEmpty = new(DiagnosticCatalog.EmptyFacts, "the facts are empty: no units, employees or other facts were given");

    // WP0007 FileUnwritable
    public static readonly DiagnosticMessage CannotWriteFile = new(DiagnosticCatalog.FileUnwritable, "cannot write file: {0}");

    // WP0101 Syntax
    public static readonly DiagnosticMessage ConditionUnparsable = new(DiagnosticCatalog.Syntax, "condition could not be parsed");
    public static readonly DiagnosticMessage NotClosed = new(DiagnosticCatalog.Syntax, "{0} is not closed: missing '}}'");
    public static readonly DiagnosticMessage UnknownStatement = new(DiagnosticCatalog.Syntax, "unknown statement '{0}' in {1}");
    public static readonly DiagnosticMessage PoolLineLeftover = new(DiagnosticCatalog.Syntax, "'{0}' after the share of a pool: a pool reads 'pool GROUP per top-unit|unit office|home SHARE [of CONDITION] [rounding down|up|nearest|turns] [at-least N person] [prefer CONDITION]', the share being N%, N/M, at-most N%, at-least N% or between N% and M% (a floor: 'at-least 30%')");
    public static readonly DiagnosticMessage StatementLeftover = new(DiagnosticCatalog.Syntax, "'{0}' is left over at the end of the '{1}' statement");
    public static readonly DiagnosticMessage UnsupportedCondition = new(DiagnosticCatalog.Syntax, "unsupported condition {0}");
    // The parser's own expectations: WHAT is the thing it wanted ("a condition", "'from' after 'period'").
    public static readonly DiagnosticMessage Expected = new(DiagnosticCatalog.Syntax, "expected {0}");
    public static readonly DiagnosticMessage ExpectedFound = new(DiagnosticCatalog.Syntax, "expected {0}, found {1}");
    public static readonly DiagnosticMessage ExpectedBecause = new(DiagnosticCatalog.Syntax, "expected {0} ({1})");
    public static readonly DiagnosticMessage ParserExpectation = new(DiagnosticCatalog.Syntax, "{0}; found {1}");
    public static readonly DiagnosticMessage ConditionEndsEarly = new(DiagnosticCatalog.Syntax, "condition ends too early");
    public static readonly DiagnosticMessage UnexpectedInCondition = new(DiagnosticCatalog.Syntax, "unexpected '{0}' in condition");

    // WP0102 TooDeep
    public static readonly DiagnosticMessage ConditionTooDeep = new(DiagnosticCatalog.TooDeep, "condition nests deeper than {0}");
    public static readonly DiagnosticMessage DefinitionChainTooLong = new(DiagnosticCatalog.TooDeep, "definition '{0}' is reached through more than {1} definitions");
    public static readonly DiagnosticMessage ConditionNestsTooDeeply = new(DiagnosticCatalog.TooDeep, "condition nests too deeply");
    public static readonly DiagnosticMessage JsonTooDeep = new(DiagnosticCatalog.TooDeep, "JSON nests deeper than {0} levels");
    public static readonly DiagnosticMessage YamlTooDeep = new(DiagnosticCatalog.TooDeep, "YAML nests deeper than {0} levels");
    public static readonly DiagnosticMessage InputTooDeep = new(DiagnosticCatalog.TooDeep, "input nests too deeply");
    public static readonly DiagnosticMessage ParenthesesTooDeep = new(DiagnosticCatalog.TooDeep, "parentheses nest deeper than {0}");
    public static readonly DiagnosticMessage NestsTooDeepAt = new(DiagnosticCatalog.TooDeep, "expected {0}, found {1}");
    public static readonly DiagnosticMessage ParserNestsTooDeep = new(DiagnosticCatalog.TooDeep, "{0}; found {1}");

    // WP0103 TokenTooLong
    public static readonly DiagnosticMessage TokenTooLong = new(DiagnosticCatalog.TokenTooLong, "token or text longer than {0} characters");
    public static readonly DiagnosticMessage ValueTooLongToStream = new(DiagnosticCatalog.TokenTooLong, "a value longer than {0:N0} bytes; no name or text may be that long");

    // WP0104 TooMany
    public static readonly DiagnosticMessage MoreNotReported = new(DiagnosticCatalog.TooMany, "… and {0:N0} more errors in this file, not listed (the first {1:N0} are)");
    public static readonly DiagnosticMessage TooManyJsonValues = new(DiagnosticCatalog.TooMany, "more than {0} JSON values");
    public static readonly DiagnosticMessage TooManyProvisionsInCircular = new(DiagnosticCatalog.TooMany, "more than {0} provisions in one circular");
    public static readonly DiagnosticMessage TooManyProvisionsInFile = new(DiagnosticCatalog.TooMany, "more than {0} provisions in one file");
    public static readonly DiagnosticMessage TooManyYamlNodes = new(DiagnosticCatalog.TooMany, "more than {0} YAML nodes");
    public static readonly DiagnosticMessage DefinitionTooLarge = new(DiagnosticCatalog.TooMany, "definition '{0}' tests more than {1:N0} facts once the definitions it uses are written out (each counts every time it is used)");

    // WP0105 BadDate
    public static readonly DiagnosticMessage NotCalendarDate = new(DiagnosticCatalog.BadDate, "'{0}' is not a calendar date");
    public static readonly DiagnosticMessage NotCalendarDateWithPattern = new(DiagnosticCatalog.BadDate, "'{0}' is not a calendar date (yyyy-mm-dd)");
    public static readonly DiagnosticMessage NotDate = new(DiagnosticCatalog.BadDate, "'{0}' is not a date (yyyy-mm-dd)");
    public static readonly DiagnosticMessage NotTimestampWithOffset = new(DiagnosticCatalog.BadDate, "'{0}' is not a timestamp with an offset (e.g. 2021-07-30T07:05:00+08:00 or ...Z)");

    // WP0106 BadTime
    public static readonly DiagnosticMessage NotTimeOfDay = new(DiagnosticCatalog.BadTime, "'{0}' is not a time of day");
    public static readonly DiagnosticMessage NotTimeOrWindow = new(DiagnosticCatalog.BadTime, "'{0}' is not a time (hh:mm) or window (hh:mm-hh:mm)");

    // WP0107 UnknownZone
    public static readonly DiagnosticMessage TimeZoneUnknown = new(DiagnosticCatalog.UnknownZone, "time zone '{0}' is not in the time-zone database (e.g. Asia/Jakarta, Asia/Makassar)");

    // WP0108 DuplicateProperty
    public static readonly DiagnosticMessage GivenTwice = new(DiagnosticCatalog.DuplicateProperty, "'{0}' is given more than once");
    public static readonly DiagnosticMessage ObligationStatesTwice = new(DiagnosticCatalog.DuplicateProperty, "obligation '{0}' states '{1}' more than once");
    public static readonly DiagnosticMessage RegionStatesTwice = new(DiagnosticCatalog.DuplicateProperty, "region '{0}' states '{1}' more than once");

    // WP0109 MissingProperty
    public static readonly DiagnosticMessage AcceptNeedsReason = new(DiagnosticCatalog.MissingProperty, "accepting {0} needs a reason");
    public static readonly DiagnosticMessage HasNoProperty = new(DiagnosticCatalog.MissingProperty, "{0} has no '{1}'");
    public static readonly DiagnosticMessage ObligationHasNoKind = new(DiagnosticCatalog.MissingProperty, "an obligation has no 'kind'");
    public static readonly DiagnosticMessage PoolNeedsShare = new(DiagnosticCatalog.MissingProperty, "a pool needs 'percent', or a quota 'table'");
    public static readonly DiagnosticMessage QuotaTableNeedsRow = new(DiagnosticCatalog.MissingProperty, "a quota table needs at least one row 'when CONDITION: N%'");
    public static readonly DiagnosticMessage RosterHeaderMissing = new(DiagnosticCatalog.MissingProperty, "the first line must name the columns employee,date,place");
    public static readonly DiagnosticMessage RotationWithoutPool = new(DiagnosticCatalog.MissingProperty, "provision '{0}' decides rotation but states no pool");
    public static readonly DiagnosticMessage TestFileWithoutFacts = new(DiagnosticCatalog.MissingProperty, "a test file has no 'facts' (a path or the facts inline)");

    // WP0110 BadValue
    public static readonly DiagnosticMessage AmendmentEndsBeforeStarts = new(DiagnosticCatalog.BadValue, "amendment '{0}' ends {1:yyyy-MM-dd}, before it starts {2:yyyy-MM-dd}");
    public static readonly DiagnosticMessage AssignmentInvalid = new(DiagnosticCatalog.BadValue, "assignment with date '{0}' and place '{1}' is not valid");
    public static readonly DiagnosticMessage BoundMustBeExactlyOrAtMost = new(DiagnosticCatalog.BadValue, "bound must be 'exactly', 'at-most', 'at-least' or 'between' (with percent_high)");
    public static readonly DiagnosticMessage CanonicalLayoutUnstable = new(DiagnosticCatalog.BadValue, "canonical layout would not read back the same; file left unchanged (please report this)");
    public static readonly DiagnosticMessage DuringOnlyForObligations = new(DiagnosticCatalog.BadValue, "provision '{0}' decides a mode; 'during' is only for provisions that add obligations");
    public static readonly DiagnosticMessage ErrorCannotBeAccepted = new(DiagnosticCatalog.BadValue, "{0} ({1}) is an error; only a warning can be accepted");
    public static readonly DiagnosticMessage EveryRegionIsReserved = new(DiagnosticCatalog.BadValue, "'{0}' names every region in a circular; a region cannot be called so");
    public static readonly DiagnosticMessage FieldTakesOneDefault = new(DiagnosticCatalog.BadValue, "field '{0}' takes one default value, not {1}");
    public static readonly DiagnosticMessage IncidentClosureTooShort = new(DiagnosticCatalog.BadValue, "an incident closure lasts at least one day");
    public static readonly DiagnosticMessage MustBeNumber = new(DiagnosticCatalog.BadValue, "{0} must be a number, not '{1}'");
    public static readonly DiagnosticMessage MustBeTrueOrFalse = new(DiagnosticCatalog.BadValue, "{0} must be true or false, not '{1}'");
    public static readonly DiagnosticMessage NamedWindowEndsBeforeStarts = new(DiagnosticCatalog.BadValue, "window '{0}' ends before it starts");
    public static readonly DiagnosticMessage NotDiagnosticCode = new(DiagnosticCatalog.BadValue, "'{0}' is not a diagnostic code");
    public static readonly DiagnosticMessage NotFieldType = new(DiagnosticCatalog.BadValue, "'{0}' is not a field type: a field is one-of {{ CODES }}, set-of {{ CODES }}, bool, number or date (a value that changes by date is a dated series: status)");
    public static readonly DiagnosticMessage NotMode = new(DiagnosticCatalog.BadValue, "'{0}' is not a mode");
    public static readonly DiagnosticMessage NotPlace = new(DiagnosticCatalog.BadValue, "'{0}' is not a place (office, home, off)");
    public static readonly DiagnosticMessage RosterPlaceTwice = new(DiagnosticCatalog.DuplicateKey, "employee '{0}' is given a place on {1} a second time; keep one");
    public static readonly DiagnosticMessage NotProvisionMode = new(DiagnosticCatalog.BadValue, "'{0}' is not a mode a provision can decide");
    public static readonly DiagnosticMessage NotReason = new(DiagnosticCatalog.BadValue, "'{0}' is not a reason");
    public static readonly DiagnosticMessage NotRelation = new(DiagnosticCatalog.BadValue, "'{0}' is not a relation");
    public static readonly DiagnosticMessage NotUsablePercentage = new(DiagnosticCatalog.BadValue, "'{0}' is not a usable percentage");
    public static readonly DiagnosticMessage CiteQuoteOrSummary = new(DiagnosticCatalog.BadValue, "a cite gives either 'quote' (the source's words) or 'summary' (a paraphrase where only a report is at hand), one of them");
    public static readonly DiagnosticMessage NotUsableCycle = new(DiagnosticCatalog.BadValue, "'cycle {0} office {1} home' is not a usable cycle: whole numbers of working days from 1, 31 at most together");
    public static readonly DiagnosticMessage RangeUpsideDown = new(DiagnosticCatalog.BadValue, "the range 'between {0}% and {1}%' ends below its start: write the smaller share first");
    public static readonly DiagnosticMessage NotUsablePersons = new(DiagnosticCatalog.BadValue, "'{0}' is not a usable number of persons (a whole number from 1)");
    public static readonly DiagnosticMessage NotWeekdayRange = new(DiagnosticCatalog.BadValue, "'{0}' is not a weekday or range such as mon-thu");
    public static readonly DiagnosticMessage ObligationDaysTakeWeekdays = new(DiagnosticCatalog.BadValue, "'days' of obligation '{0}' takes weekdays, e.g. mon or mon, thu");
    public static readonly DiagnosticMessage ObligationToleranceTakesDuration = new(DiagnosticCatalog.BadValue, "'tolerance' of obligation '{0}' takes minutes or hours, e.g. 10m");
    public static readonly DiagnosticMessage ObligationWindowsTakeWeekdaysAndTimes = new(DiagnosticCatalog.BadValue, "'windows' of obligation '{0}' takes weekdays and times, e.g. mon-fri 07:00-07:30");
    public static readonly DiagnosticMessage OnlyReplacementsStateDate = new(DiagnosticCatalog.BadValue, "only 'supersedes' and 'revokes' state a date ('from'), not '{0}'");
    public static readonly DiagnosticMessage PerMustBeTopUnitOrUnit = new(DiagnosticCatalog.BadValue, "per must be 'top-unit' or 'unit'");
    public static readonly DiagnosticMessage PeriodEndsBeforeStarts = new(DiagnosticCatalog.BadValue, "period ends {0:yyyy-MM-dd}, before it starts {1:yyyy-MM-dd}");
    public static readonly DiagnosticMessage PlaceMustBeOfficeOrHome = new(DiagnosticCatalog.BadValue, "place must be 'office' or 'home'");
    public static readonly DiagnosticMessage PoolWithoutRotation = new(DiagnosticCatalog.BadValue, "provision '{0}' has a pool but does not decide rotation");
    public static readonly DiagnosticMessage QuotaOutsideRange = new(DiagnosticCatalog.BadValue, "quota {0}% is outside 0..100");
    public static readonly DiagnosticMessage QuotaTableWithPercent = new(DiagnosticCatalog.BadValue, "a pool with a quota 'table' states its shares in the rows, not in 'percent'");
    public static readonly DiagnosticMessage RoundingMustBeKnown = new(DiagnosticCatalog.BadValue, "rounding must be 'down', 'up', 'nearest' or 'turns'");
    public static readonly DiagnosticMessage RoundingTurnsWithAtMost = new(DiagnosticCatalog.BadValue, "provision '{0}': 'rounding turns' spreads a target share over the rotation; with 'at-most' its turn days would pass the cap");
    public static readonly DiagnosticMessage WindowEndsBeforeStarts = new(DiagnosticCatalog.BadValue, "window ends {0} before it starts {1}");

    // WP0201 YamlSyntax
    public static readonly DiagnosticMessage InvalidJson = new(DiagnosticCatalog.YamlSyntax, "invalid JSON: {0}");
    public static readonly DiagnosticMessage InvalidJsonString = new(DiagnosticCatalog.YamlSyntax, "invalid JSON string: {0}");
    public static readonly DiagnosticMessage MalformedYaml = new(DiagnosticCatalog.YamlSyntax, "malformed YAML after this point ({0})");
    public static readonly DiagnosticMessage YamlParserSays = new(DiagnosticCatalog.YamlSyntax, "{0}");
    public static readonly DiagnosticMessage SecondYamlDocument = new(DiagnosticCatalog.YamlSyntax, "a file holds one YAML document; found a second '---'");

    // WP0202 YamlAlias
    public static readonly DiagnosticMessage AliasNotAllowed = new(DiagnosticCatalog.YamlAlias, "aliases ('*{0}') are not allowed; write the value out");
    public static readonly DiagnosticMessage AnchorNotAllowed = new(DiagnosticCatalog.YamlAlias, "anchors ('&{0}') are not allowed; write the value out");

    // WP0203 DuplicateKey
    public static readonly DiagnosticMessage KeyGivenTwice = new(DiagnosticCatalog.DuplicateKey, "key '{0}' is given twice in this mapping");

    // WP0204 UnknownKey
    public static readonly DiagnosticMessage UnknownKey = new(DiagnosticCatalog.UnknownKey, "unknown key '{0}' in {1}");
    public static readonly DiagnosticMessage UndeclaredFactField = new(DiagnosticCatalog.UnknownKey, "unknown key '{0}' in {1}: the vocabulary declares no field {2}.{0}; its {2} fields are {3}");

    // WP0205 WrongShape
    public static readonly DiagnosticMessage AttributesTakeMapping = new(DiagnosticCatalog.WrongShape, "'attributes' takes a mapping, e.g. {{ java-bali: true }}");
    public static readonly DiagnosticMessage LineTooLong = new(DiagnosticCatalog.WrongShape, "a line longer than {0:N0} characters: a roster line holds an employee, a date and a place");
    public static readonly DiagnosticMessage ColumnCount = new(DiagnosticCatalog.WrongShape, "expected {0} columns, found {1}");
    public static readonly DiagnosticMessage KeysMustBePlainScalars = new(DiagnosticCatalog.WrongShape, "keys must be plain scalars, not lists or mappings");
    public static readonly DiagnosticMessage MustBeKeyValueMapping = new(DiagnosticCatalog.WrongShape, "{0} must be a mapping (key: value)");
    public static readonly DiagnosticMessage MustBeList = new(DiagnosticCatalog.WrongShape, "{0} must be a list");
    public static readonly DiagnosticMessage MustBeMapping = new(DiagnosticCatalog.WrongShape, "{0} {1} must be a mapping");
    public static readonly DiagnosticMessage MustBeSingleValue = new(DiagnosticCatalog.WrongShape, "{0} must be a single value");
    public static readonly DiagnosticMessage NotRoster = new(DiagnosticCatalog.WrongShape, "not a roster: {0}");
    public static readonly DiagnosticMessage ObligationDetailMustBeValueOrList = new(DiagnosticCatalog.WrongShape, "an obligation detail must be a value or a list of codes");
    public static readonly DiagnosticMessage ObligationMustBeMappingWithKind = new(DiagnosticCatalog.WrongShape, "an obligation must be a mapping with a 'kind'");
    public static readonly DiagnosticMessage RegionMustMapStatusNames = new(DiagnosticCatalog.WrongShape, "region '{0}' must map status names (e.g. ppkm) to lists of entries");
    public static readonly DiagnosticMessage RegionsMustMapRegionIds = new(DiagnosticCatalog.WrongShape, "regions must map region ids to their status");
    public static readonly DiagnosticMessage StatusEntryMustBeMappingWithFrom = new(DiagnosticCatalog.WrongShape, "a status entry must be a mapping with 'from'");

    // WP0301 DuplicateId
    public static readonly DiagnosticMessage CircularDeclaredMoreThanOnce = new(DiagnosticCatalog.DuplicateId, "circular '{0}' is declared more than once");
    public static readonly DiagnosticMessage DefinitionDeclaredMoreThanOnce = new(DiagnosticCatalog.DuplicateId, "definition '{0}' is declared more than once");
    public static readonly DiagnosticMessage FieldDeclaredMoreThanOnce = new(DiagnosticCatalog.DuplicateId, "field '{0}' is declared more than once");
    public static readonly DiagnosticMessage ProvisionDeclaredMoreThanOnce = new(DiagnosticCatalog.DuplicateId, "provision '{0}' is declared more than once in circular '{1}'");
    public static readonly DiagnosticMessage RegionDeclaredMoreThanOnce = new(DiagnosticCatalog.DuplicateId, "region '{0}' is declared more than once");

    // WP0302 UnknownReference
    public static readonly DiagnosticMessage CircularAmendsNotLoaded = new(DiagnosticCatalog.UnknownReference, "circular '{0}' amends '{1}', which is not loaded");
    public static readonly DiagnosticMessage OverridesUndeclared = new(DiagnosticCatalog.UnknownReference, "provision '{0}' overrides '{1}', which circular '{2}' does not declare");
    public static readonly DiagnosticMessage WithdrawsUndeclared = new(DiagnosticCatalog.UnknownReference, "amendment '{0}' withdraws '{1}', which '{2}' as amended before it does not declare");

    // WP0303 UnknownField
    public static readonly DiagnosticMessage FieldMustNameEntity = new(DiagnosticCatalog.UnknownField, "field '{0}' must start with 'employee.', 'unit.' or 'region.'");
    public static readonly DiagnosticMessage FieldUndeclared = new(DiagnosticCatalog.UnknownField, "field '{0}' is not declared in any vocabulary");
    public static readonly DiagnosticMessage PeriodEndTestsOnlyRegionStatus = new(DiagnosticCatalog.UnknownField, "a period's end can test only region status ('region.…'), not '{0}'");
    public static readonly DiagnosticMessage RegionAttributeUndeclared = new(DiagnosticCatalog.UnknownField, "region attribute '{0}' needs a field 'region.{0}' in a vocabulary");

    // WP0304 UnknownCode
    public static readonly DiagnosticMessage NotCodeOfField = new(DiagnosticCatalog.UnknownCode, "'{0}' is not a code of '{1}'");
    public static readonly DiagnosticMessage NotWeekday = new(DiagnosticCatalog.UnknownCode, "'{0}' is not a weekday");
    public static readonly DiagnosticMessage RegionUndeclared = new(DiagnosticCatalog.UnknownCode, "region '{0}' is not declared in the vocabulary");

    // WP0305 Conflict
    public static readonly DiagnosticMessage ProvisionsCanBothApply = new(DiagnosticCatalog.Conflict, "provisions '{0}' ({1}) and '{2}' ({3}) of circular '{4}' can both apply, e.g. when {5}, and neither states 'overrides' for the other");

    // WP0306 OverrideCycle
    public static readonly DiagnosticMessage OverridesItself = new(DiagnosticCatalog.OverrideCycle, "provision '{0}' overrides itself through a chain of overrides");

    // WP0307 UnknownRegion
    public static readonly DiagnosticMessage CircularRegionUndeclared = new(DiagnosticCatalog.UnknownRegion, "circular '{0}' names region '{1}', which no vocabulary declares");

    // WP0308 UnknownName
    public static readonly DiagnosticMessage NeitherFieldNorDefinition = new(DiagnosticCatalog.UnknownName, "'{0}' is neither a field nor a definition");

    // WP0309 DefinitionCycle
    public static readonly DiagnosticMessage DefinitionRefersItself = new(DiagnosticCatalog.DefinitionCycle, "definition '{0}' refers to itself");

    // WP0310 TypeMismatch
    public static readonly DiagnosticMessage IncidentTestNeedsEmployeeUnit = new(DiagnosticCatalog.TypeMismatch, "an incident test needs an employee's unit; it cannot end a period");
    public static readonly DiagnosticMessage NotYesNoField = new(DiagnosticCatalog.TypeMismatch, "'{0}' is not a yes/no field; compare it with a value");
    public static readonly DiagnosticMessage OperatorDoesNotApply = new(DiagnosticCatalog.TypeMismatch, "operator '{0}' does not apply to '{1}' ({2})");
    public static readonly DiagnosticMessage TakesNumber = new(DiagnosticCatalog.TypeMismatch, "'{0}' takes a number, not '{1}'");
    public static readonly DiagnosticMessage RankOfUnranked = new(DiagnosticCatalog.TypeMismatch, "'{0}' has no ranked levels: 'in top N of unit' reads a one-of employee field that states them from the highest, e.g. field {0}: one-of {{ I, II, III, IV, none }} rank {{ I, II, III, IV }}");
    public static readonly DiagnosticMessage RankCountTooSmall = new(DiagnosticCatalog.BadValue, "'in top {0}' counts no level: N is at least 1");
    public static readonly DiagnosticMessage RankNotCodes = new(DiagnosticCatalog.UnknownCode, "'{0}' in the rank of '{1}' is not one of its codes");
    public static readonly DiagnosticMessage RankRepeatsOrTooLong = new(DiagnosticCatalog.BadValue, "the rank of '{0}' names a level twice or more than 64 levels: list each level once, from the highest");
    public static readonly DiagnosticMessage RankOnlyOneOf = new(DiagnosticCatalog.BadValue, "'{0}' is {1}: only a one-of employee field ranks its codes");
    public static readonly DiagnosticMessage TakesDate = new(DiagnosticCatalog.TypeMismatch, "'{0}' takes a date (yyyy-mm-dd), not '{1}'; compare an age with age({0}) >= N");
    public static readonly DiagnosticMessage AgeOfNonDate = new(DiagnosticCatalog.TypeMismatch, "age() reads a date field; '{0}' is {1}");
    public static readonly DiagnosticMessage AgeTakesYears = new(DiagnosticCatalog.TypeMismatch, "age({0}) is compared with a number of years, not '{1}'");
    public static readonly DiagnosticMessage TakesTrueOrFalse = new(DiagnosticCatalog.TypeMismatch, "'{0}' takes true or false, not '{1}'");

    // WP0311 ConflictSearchLimit
    public static readonly DiagnosticMessage ConflictSearchGaveUp = new(DiagnosticCatalog.ConflictSearchLimit, "could not check provisions '{0}' and '{1}' for conflicts: their scopes mention too many values; state an 'overrides' between them");
    public static readonly DiagnosticMessage QuotaTableSearchGaveUp = new(DiagnosticCatalog.ConflictSearchLimit, "could not check the quota table of '{0}': its rows mention too many values");
    public static readonly DiagnosticMessage QuotaBaseSearchGaveUp = new(DiagnosticCatalog.ConflictSearchLimit, "could not check the quota base of '{0}' against its pool: they mention too many values");

    // WP0312 RelationWithoutEffect
    public static readonly DiagnosticMessage RelationKeptAsCitation = new(DiagnosticCatalog.RelationWithoutEffect, "'{0} \"{1}\"' names no loaded circular; it is kept as a citation, without effect");

    // WP0313 BadRelation
    public static readonly DiagnosticMessage AmendmentCycle = new(DiagnosticCatalog.BadRelation, "circulars {0} amend each other in a cycle");
    public static readonly DiagnosticMessage AmendmentStartsTooEarly = new(DiagnosticCatalog.BadRelation, "amendment '{0}' starts {1:yyyy-MM-dd}, not after '{2}' {3} ({4:yyyy-MM-dd})");
    public static readonly DiagnosticMessage AmendsMoreThanOne = new(DiagnosticCatalog.BadRelation, "circular '{0}' amends more than one circular; an amendment forms one whole with one circular");
    public static readonly DiagnosticMessage CircularRelatesToItself = new(DiagnosticCatalog.BadRelation, "circular '{0}' {1} itself");
    public static readonly DiagnosticMessage CircularRevokesAmendment = new(DiagnosticCatalog.BadRelation, "circular '{0}' revokes the amendment '{1}'; revoke or amend the circular '{2}' instead");
    public static readonly DiagnosticMessage ExtensionNotAdjacent = new(DiagnosticCatalog.BadRelation, "amendment '{0}' restates the end of '{1}' from {2:yyyy-MM-dd}, but '{1}' ended {3:yyyy-MM-dd}: an extension starts the day after the end it extends");
    public static readonly DiagnosticMessage FollowsItself = new(DiagnosticCatalog.BadRelation, "circular '{0}' follows itself through a chain of 'follows'");
    public static readonly DiagnosticMessage WithdrawsWithoutAmending = new(DiagnosticCatalog.BadRelation, "circular '{0}' withdraws provisions but amends no circular");

    // WP0314 QuotaRowsOverlap
    public static readonly DiagnosticMessage QuotaRowsBothHold = new(DiagnosticCatalog.QuotaRowsOverlap, "rows {0} and {1} of the quota table of '{2}' both hold, e.g. when {3}");

    // WP0315 QuotaRowsGap
    public static readonly DiagnosticMessage NoQuotaRowHolds = new(DiagnosticCatalog.QuotaRowsGap, "no row of the quota table of '{0}' holds when {1}; there the provision does not apply");

    // WP0316 ProvisionGap
    public static readonly DiagnosticMessage NoProvisionDecides = new(DiagnosticCatalog.ProvisionGap, "no provision of circular '{0}' decides when {1}; such staff are not covered (reason no-provision-fits)");
    public static readonly DiagnosticMessage NoProvisionDecidesOnDate = new(DiagnosticCatalog.ProvisionGap, "no provision of circular '{0}' decides on {1:yyyy-MM-dd} in {2} when {3}; such staff are not covered (reason no-provision-fits)");

    // WP0317 DeadProvision
    public static readonly DiagnosticMessage ProvisionNeverDecides = new(DiagnosticCatalog.DeadProvision, "provision '{0}' of circular '{1}' never decides: {2}");

    // WP0318 QuotaUnmet
    public static readonly DiagnosticMessage CapLeavesNoPlace = new(DiagnosticCatalog.QuotaUnmet, "pool '{0}' of provision '{1}': at most {2} rounded {3} leaves a pool of fewer than {4} no {5} place at all");
    public static readonly DiagnosticMessage ShareUnmetInSmallPools = new(DiagnosticCatalog.QuotaUnmet, "pool '{0}' of provision '{1}': {2} rounded {3} gives no {5} place to a pool of fewer than {4}, so the share cannot be met there");

    // WP0319 IdleOverrides
    public static readonly DiagnosticMessage OverridesNeverTakesEffect = new(DiagnosticCatalog.IdleOverrides, "'{0} overrides {1}' in circular '{2}' never takes effect: the two provisions never apply to the same person");

    // WP0320 GapSearchLimit
    public static readonly DiagnosticMessage GapSearchGaveUp = new(DiagnosticCatalog.GapSearchLimit, "could not search circular '{0}' for staff no provision decides: its scopes mention too many values (check --analyze walks them by date and region)");

    // WP0402 FactsMissing
    public static readonly DiagnosticMessage EntityHasNoProperty = new(DiagnosticCatalog.FactsMissing, "{0} {1} has no '{2}'");
    public static readonly DiagnosticMessage StatusEntryWithoutFrom = new(DiagnosticCatalog.FactsMissing, "a status entry has no 'from' date");

    // WP0404 DanglingReference
    public static readonly DiagnosticMessage EmployeeNotInFile = new(DiagnosticCatalog.DanglingReference, "employee '{0}' is not in the file");
    public static readonly DiagnosticMessage ParentNotInFile = new(DiagnosticCatalog.DanglingReference, "unit '{0}' has parent '{1}', which is not in the file");
    public static readonly DiagnosticMessage UnitNotInFile = new(DiagnosticCatalog.DanglingReference, "unit '{0}' is not in the file");

    // WP0405 FactsDuplicateId
    public static readonly DiagnosticMessage IdUsedTwice = new(DiagnosticCatalog.FactsDuplicateId, "{0} id '{1}' is used twice");

    // WP0406 ParentCycle
    public static readonly DiagnosticMessage UnitOwnAncestor = new(DiagnosticCatalog.ParentCycle, "unit '{0}' is its own ancestor through its parents");

    // WP0407 StatusOverlap
    public static readonly DiagnosticMessage StatusEntriesOverlap = new(DiagnosticCatalog.StatusOverlap, "'{0}' has an entry from {1:yyyy-MM-dd} that overlaps the one before it (from {2:yyyy-MM-dd}{3})");
    public static readonly DiagnosticMessage StatusEntryEndsBeforeStarts = new(DiagnosticCatalog.StatusOverlap, "'{0}' has an entry until {1:yyyy-MM-dd}, before its 'from' {2:yyyy-MM-dd}");

    // WP0323 RangeHoldsNoCount
    public static readonly DiagnosticMessage RangeHoldsNoCountFor = new(DiagnosticCatalog.RangeHoldsNoCount, "the share of pool '{0}' in provision '{1}', between {2} and {3} at the {4}, holds no whole number of persons for pools of {5}: the floor and the ceiling cannot both hold there");

    // WP0324 CheckInNoWindow
    public static readonly DiagnosticMessage CheckInWithoutWindow = new(DiagnosticCatalog.CheckInNoWindow, "obligation 'check-in' states no window: attendance checks nothing for it");

    // WP0325 CycleAgainstShare
    public static readonly DiagnosticMessage CycleBreaksShare = new(DiagnosticCatalog.CycleAgainstShare, "the cycle of pool '{0}' in provision '{1}' ({2} office, {3} home) puts {4} of the pool at the {5} on average, which its share ({6}) does not allow: a roster keeping the cycle breaks the share");
    public static readonly DiagnosticMessage CycleBreaksFloor = new(DiagnosticCatalog.CycleAgainstShare, "the cycle of pool '{0}' in provision '{1}' ({2} office, {3} home) keeps {4} at the {5} on every day only in pools of {6} or more: in a smaller pool a roster keeping the cycle leaves days below that floor");

    // WP0327 CompiledRulesStale
    public static readonly DiagnosticMessage CompiledRulesOfOtherRules = new(DiagnosticCatalog.CompiledRulesStale, "the compiled rules {0} were made from other rules (identity {1}; these rules' is {2}): deciding with rules compiled at load");

    // WP0326 QueryUntranslatable
    public static readonly DiagnosticMessage QueryTooManyClasses = new(DiagnosticCatalog.QueryUntranslatable, "the rules of unit '{0}' split its employees into more than {1} classes: the unit is left out of the query");

    // WP0204, WP0205 in a mapping file
    public static readonly DiagnosticMessage MappingUnknownKey = new(DiagnosticCatalog.UnknownKey, "unknown key '{0}' in {1}: the keys are {2}");
    public static readonly DiagnosticMessage MappingShape = new(DiagnosticCatalog.WrongShape, "'{0}' should be {1}");
    public static readonly DiagnosticMessage MappingCannotTranslate = new(DiagnosticCatalog.WrongShape, "the mapping cannot translate the residual: {0}");

    // WP0322 CircularsTie
    public static readonly DiagnosticMessage CircularsCanDecideDifferently = new(DiagnosticCatalog.CircularsTie, "circulars '{0}' and '{1}' are both in force in region '{2}' from {3} and can decide differently, e.g. on {3} when {4} ('{5}' {6}, '{7}' {8}), and neither states 'follows', 'supersedes' or 'amends' for the other");

    // WP0321 QuotaBaseNarrow
    public static readonly DiagnosticMessage QuotaBaseNarrowerThanPool = new(DiagnosticCatalog.QuotaBaseNarrow, "the quota base of '{0}' leaves out some of its pool, e.g. when {1}");
}
