using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NodaTime;

namespace WorkPolicy.Output.Json;

/// <summary>
/// The one serializer of results: decisions, explanations and every report, written and read by the contracts
/// System.Text.Json generates at build time (no reflection, so trimming and Native AOT keep it whole). The command
/// line's <c>--format json</c>, <see cref="PolicyJson"/> and the service's answers all go through it.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true,
    Converters = [
        typeof(LocalDateJson), typeof(LocalTimeJson), typeof(WorkModeJson), typeof(SeverityJson),
        typeof(DiagnosticJsonConverter), typeof(DecisionJsonConverter), typeof(WindowAttendanceJson), typeof(IsoDayOfWeekJson),
        typeof(ValueListJson<string>), typeof(ValueListJson<Decision>), typeof(ValueListJson<Diagnostic>), typeof(ValueListJson<MissingFact>),
        typeof(ValueListJson<RosterIssue>), typeof(ValueListJson<AttendanceDay>), typeof(ValueListJson<UnitAttendance>),
        typeof(ValueListJson<WindowAttendance>), typeof(ValueListJson<TestCaseResult>), typeof(ValueListJson<RuleSetScore>),
        typeof(ValueListJson<IsoDayOfWeek>), typeof(ValueListJson<ClassDifference>), typeof(ValueListJson<ComparedPeriod>),
        typeof(ValueListJson<EmployeeDifference>), typeof(ValueListJson<TraceEntry>), typeof(ValueListJson<WhatIfChange>),
        typeof(ValueListJson<CircularVersion>), typeof(ValueListJson<ProvisionRef>), typeof(ReplayReportJson), typeof(AnyReportJson),
        typeof(ValueListJson<ResidualTerm>), typeof(ValueListJson<ResidualCondition>), typeof(ValueListJson<SqlArgument>),
    ])]
[JsonSerializable(typeof(Decision))]
[JsonSerializable(typeof(DecisionsDocument))]
[JsonSerializable(typeof(Report))]
[JsonSerializable(typeof(MissingFactsReport))]
[JsonSerializable(typeof(CheckReport))]
[JsonSerializable(typeof(RosterCheckReport))]
[JsonSerializable(typeof(AttendanceReport))]
[JsonSerializable(typeof(TestReport))]
[JsonSerializable(typeof(ComparisonReport))]
[JsonSerializable(typeof(ReplayReport))]
[JsonSerializable(typeof(Explanation))]
[JsonSerializable(typeof(ResidualDecisions))]
[JsonSerializable(typeof(SqlQuery))]
internal sealed partial class PolicyJsonContext : JsonSerializerContext
{
    /// <summary>Indented, non-ASCII readable (Indonesian names as written): the command line's and the files' JSON.</summary>
    // Made on first use: the generated half of this class sets up Default in its own static initializer, whose order
    // against this file's initializers C# does not define.
    public static JsonSerializerOptions Indented => s_indented ??= With(indented: true);

    /// <summary>The same on one line: a service's answers and the records it keeps.</summary>
    public static JsonSerializerOptions Compact => s_compact ??= With(indented: false);

    private static JsonSerializerOptions? s_indented;
    private static JsonSerializerOptions? s_compact;

    private static JsonSerializerOptions With(bool indented)
    {
        // The generator's options take no encoder: the relaxed one (non-ASCII as is) is set here, on a copy.
        var options = new JsonSerializerOptions(Default.Options) { WriteIndented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, TypeInfoResolver = Default };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>The contract of <paramref name="type"/>, which the context must list.</summary>
    public static JsonTypeInfo Contract(Type type, bool indented = true) => (indented ? Indented : Compact).GetTypeInfo(type);
}

/// <summary>
/// <c>{ "decisions": [ … ] }</c>, as <c>eval --format json</c> writes it: the serializer's form, the reference the
/// streaming writers (<see cref="DecisionJson.WritePlain"/>, and the templates of <see cref="DecisionTemplates"/>, an
/// optimisation) are held to byte for byte.
/// </summary>
internal sealed record DecisionsDocument(ValueList<Decision> Decisions);
