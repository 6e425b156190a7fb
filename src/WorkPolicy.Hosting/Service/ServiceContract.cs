using System.ComponentModel;
using System.Text.Json;

namespace WorkPolicy.Hosting.Contract;

// The shapes of the service's bodies, as the OpenAPI document describes them (docs/service.md, docs/decisions.md).
// Only the document reads these types: the answers are written by the library's writers, and ServiceOpenApiTests holds
// every answer of every endpoint to its schema here, so the two cannot drift apart unseen.

/// <summary>The body of <c>POST /v1/decide</c>: a date or a range, and employees of the service's facts or facts inline.</summary>
internal sealed record DecideRequest(
    [property: Description("one date, yyyy-mm-dd; or give from and to")] string? On = null,
    [property: Description("the first date of a range (at most a year)")] string? From = null,
    [property: Description("the last date of a range, inclusive")] string? To = null,
    [property: Description("ids of employees of the service's --facts; with facts inline, a subset of them (default: all)")] string[]? Employees = null,
    [property: Description("a facts document as in docs/facts.md: calendar, regions, units, incidents, employees")] JsonElement? Facts = null);

/// <summary>The body of <c>POST /v1/explain</c>.</summary>
internal sealed record ExplainRequest(
    [property: Description("the employee's id")] string Employee,
    [property: Description("the date, yyyy-mm-dd")] string On,
    [property: Description("a facts document inline; default: the service's --facts")] JsonElement? Facts = null);

/// <summary>A deciding provision with its citation.</summary>
internal sealed record ProvisionDoc(string Id, string Circular, [property: Description("circular point and a short quote")] string Cite);

/// <summary>One decision (docs/decisions.md).</summary>
internal sealed record DecisionDoc(
    string Employee,
    [property: Description("yyyy-mm-dd")] string Date,
    [property: Description("office, home, rotation, optional, day-off, not-covered or indeterminate")] string Mode,
    string[] Circulars,
    ProvisionDoc[] Provisions,
    [property: Description("{ kind, ...details, zone, windows?, circular, provision, pending? }: a detail keeps its kind of value (a share \"25%\", a count 25, a time \"07:30\", a period \"1d\", a list an array)")] JsonElement[] Obligations,
    PoolDoc? Pool,
    [property: Description("fact paths that would settle the mode (indeterminate) or a pending obligation")] string[] Unknown,
    [property: Description("for not-covered: no-circular-in-force or no-provision-applies")] string? Reason = null,
    [property: Description("the record id, when records are kept")] string? Record = null);

/// <summary>A rotation pool and its quota.</summary>
internal sealed record PoolDoc(string Group, string Unit, QuotaDoc Quota);

/// <summary>A pool's quota.</summary>
internal sealed record QuotaDoc([property: Description("office or home")] string Place, [property: Description("exactly or at-most")] string Bound, double Percent, string Rounding);

/// <summary>The answer of <c>POST /v1/decide</c>.</summary>
internal sealed record DecideAnswer(
    [property: Description("the rules that answered: a hash of the rule files' content")] string Revision,
    DecisionDoc[] Decisions,
    [property: Description("present when the record queue was full and the records were dropped")] string? Records = null);

/// <summary>One step of an explanation's trace.</summary>
internal sealed record TraceDoc(string Circular, string Outcome, string Reason, string? Provision = null);

/// <summary>A single fact set otherwise, and what the decision would then be.</summary>
internal sealed record WhatIfDoc(string Fact, string From, string[] To, DecisionDoc Decision, string Mode, ProvisionDoc[] Provisions);

/// <summary>A version of a circular in force.</summary>
internal sealed record VersionDoc(string Id, string From, string? To, string[] AmendedBy, string? ExtendedBy);

/// <summary>The answer of <c>POST /v1/explain</c>.</summary>
internal sealed record ExplainAnswer(string Revision, DecisionDoc Decision, TraceDoc[] Trace, WhatIfDoc[] WhatIf, string[] SettledBy, VersionDoc[] Versions);

/// <summary>A WP diagnostic as the service writes it.</summary>
internal sealed record DiagnosticDoc(string Code, [property: Description("error or warning")] string Severity, string Path, int Line, int Column, string Message);

/// <summary>An RFC 9457 problem document with the WP diagnostics.</summary>
internal sealed record ProblemDoc(string Type, string Title, int Status, DiagnosticDoc[] Diagnostics, string? Detail = null);

/// <summary>The last reload of the rules.</summary>
internal sealed record ReloadDoc(string At, bool Ok, DiagnosticDoc[] Diagnostics);

/// <summary>The answer of <c>GET /health</c>.</summary>
internal sealed record HealthAnswer([property: Description("ok or unavailable")] string Status, string? Revision, string[] Circulars, ReloadDoc? LastReload);

/// <summary>A circular's versions, as <c>GET /v1/rules</c> lists them.</summary>
internal sealed record CircularVersionsDoc(string Id, CircularPeriodDoc[] Versions);

/// <summary>One version's period.</summary>
internal sealed record CircularPeriodDoc(string From, string? To, string[] AmendedBy, string? ExtendedBy);

/// <summary>The answer of <c>GET /v1/rules</c>.</summary>
internal sealed record RulesAnswer(string Revision, string LoadedAt, CircularVersionsDoc[] Circulars, DiagnosticDoc[]? Diagnostics);

/// <summary>A kept record: the decision as answered and the facts it read.</summary>
internal sealed record RecordDoc(string Id, string At, string Revision, string Employee, string Date, DecisionDoc Decision,
    [property: Description("the facts the decision read, as a facts document")] JsonElement Facts);

/// <summary>The answer of <c>GET /v1/records</c>.</summary>
internal sealed record RecordsAnswer(int Page, int PageSize, RecordDoc[] Records);

/// <summary>The body of <c>POST /v1/filter</c>: a date, and optionally a mode, the SQL dialect and the mapping (docs/query.md).</summary>
internal sealed record FilterRequest(
    [property: Description("the date, yyyy-mm-dd")] string On,
    [property: Description("only this mode's terms (office, home, rotation, optional, day-off, not-covered, indeterminate); required with sql")] string? Mode = null,
    [property: Description("also translate the terms to SQL: sqlite or postgres")] string? Sql = null,
    [property: Description("where the HR system keeps the fields, as in docs/query.md: { employees: { table, id, unit }, fields: { ... } }; required with sql")] JsonElement? Mapping = null,
    [property: Description("the known facts inline (regions, units, calendar; employees are not read); default: the service's --facts")] JsonElement? Facts = null);

/// <summary>A condition on one employee field.</summary>
internal sealed record ConditionDoc(string Field, [property: Description("e.g. employee.employment in {pns, pppk}")] string Text);

/// <summary>Employees of the units whose fields meet every condition get the mode, by the provision.</summary>
internal sealed record TermDoc([property: Description("the mode")] string Mode, [property: Description("circular/provision, or null where none decides")] string? Provision, string[] Units, ConditionDoc[] Conditions);

/// <summary>The residual of a date: the terms per mode, the units known, those a query cannot ask.</summary>
internal sealed record ResidualDoc([property: Description("yyyy-mm-dd")] string On, TermDoc[] Terms, string[] Units, string[] Unsupported);

/// <summary>A query parameter and its value as text.</summary>
internal sealed record ArgumentDoc([property: Description("as the text names it: @p0")] string Name, string Text);

/// <summary>The SQL that selects the ids of the mode's employees, and its parameters.</summary>
internal sealed record SqlDoc(string Text, ArgumentDoc[] Arguments);

/// <summary>The answer of <c>POST /v1/filter</c>.</summary>
internal sealed record FilterAnswer(string Revision, ResidualDoc Residual, SqlDoc? Sql = null);
