using Microsoft.Extensions.Options;

namespace WorkPolicy.Hosting;

/// <summary>What a host loads and watches, and how it keeps decision records. Validated when the host starts.</summary>
/// <example>
/// <code>
/// builder.Services.AddWorkPolicy(o =>
/// {
///     o.Rules.Add("rules/");
///     o.Facts = "staff.facts.yaml";
///     o.Records = "decisions.db";
/// });
/// </code>
/// </example>
public sealed class WorkPolicyOptions
{
    /// <summary>Rule files or folders, as for <c>workpolicy eval</c>. At least one.</summary>
    public List<string> Rules { get; } = [];

    /// <summary>A facts file whose employees can be asked by id; null: facts come with each request.</summary>
    public string? Facts { get; set; }

    /// <summary>
    /// The rules' conditions compiled to C# ahead of time (<see cref="LoadOptions.Compiled"/>, made by the WorkPolicy.Build
    /// step or <see cref="RuleCompiler"/>), or null to compile them at load. Used while the rules loaded are the ones it was
    /// made from: after an edit the reload compiles at load and its diagnostics say so (WP0327) until the app is rebuilt.
    /// </summary>
    /// <example><code>services.AddWorkPolicy(o => { o.Rules.Add("rules"); o.CompiledRules = new HrApp.Rules.CompiledRules(); });</code></example>
    public WorkPolicy.Compiled.CompiledRuleSet? CompiledRules { get; set; }

    /// <summary>Whether edits to the rule and facts files are loaded while the host runs (default true).</summary>
    public bool Watch { get; set; } = true;

    /// <summary>How long the files must stay unchanged before an edit is loaded: an editor's save is several writes.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>A SQLite file that keeps a record of every decision answered (created with mode 0600); null: none.</summary>
    public string? Records { get; set; }

    /// <summary>A PostgreSQL connection string for the records instead of SQLite; null: none.</summary>
    public string? RecordsPostgres { get; set; }

    /// <summary>Records waiting to be written at most; past it, <see cref="WhenRecordsFull"/> decides.</summary>
    public int RecordQueue { get; set; } = 8192;

    /// <summary>What a request does when the record queue is full: wait for room (default) or answer, saying its records were dropped.</summary>
    public RecordOverflow WhenRecordsFull { get; set; } = RecordOverflow.Wait;

    /// <summary>
    /// How long records are kept: older ones are purged at start and then every hour (they hold personal facts);
    /// null keeps them all.
    /// </summary>
    public TimeSpan? Retention { get; set; }

    /// <summary>
    /// Keys a <c>/v1</c> request must send one of as <c>Authorization: Bearer KEY</c>; several allow a rotation (the new
    /// key added, clients moved, the old one removed). Empty: no key is asked (loopback only, as <c>serve</c> enforces).
    /// </summary>
    public List<string> ApiKeys { get; } = [];

    /// <summary>The bounds on one request's work and on requests at once.</summary>
    public WorkPolicyLimits Limits { get; } = new();
}

/// <summary>
/// The bounds on the service's work: over one, a request is answered 413 or 422 naming it, and past the concurrency
/// bound 429 with <c>Retry-After</c>. The defaults serve an HR or attendance system's day: the morning check-in asks
/// each person once (one decision), a unit's daily roster asks a few thousand, a monthly report a unit of 600 for a
/// month — all under 20,000 decisions (about 15 MB of answer); a regency's whole staff is asked in several requests.
/// </summary>
public sealed class WorkPolicyLimits
{
    /// <summary>Decisions one request may ask for (employees × days); default 20,000.</summary>
    public int MaxDecisionsPerRequest { get; set; } = 20_000;

    /// <summary>Employees one request may give inline in <c>facts</c>; default 5,000 (a body of about 2 MB).</summary>
    public int MaxInlineEmployees { get; set; } = 5_000;

    /// <summary>How long one request may decide before it is refused (422); default 30 seconds.</summary>
    public TimeSpan RequestTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// <c>/v1</c> requests served at once; default 64 (a decision takes microseconds, so 64 in flight keep two cores
    /// busy while records are written). Past it, up to <see cref="RequestQueue"/> wait, and the rest get 429.
    /// </summary>
    public int MaxConcurrentRequests { get; set; } = 64;

    /// <summary>Requests waiting for a turn at most; default 256.</summary>
    public int RequestQueue { get; set; } = 256;

    /// <summary>
    /// The largest request body, in bytes; default 4 MiB — the other bounds' largest request (5,000 employees inline,
    /// 20,000 ids) fits in well under that.
    /// </summary>
    public long MaxBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// Bodies over 64 KiB (or of unknown length) parsed at once; default 4. Memory then stays bounded by this ×
    /// <see cref="MaxBodyBytes"/>, whatever the number of clients sending large bodies.
    /// </summary>
    public int LargeBodiesAtOnce { get; set; } = 4;
}

/// <summary>What a request does when the record queue is full.</summary>
public enum RecordOverflow
{
    /// <summary>Wait until the records are durable: no answer without its record.</summary>
    Wait,
    /// <summary>Answer at once and say in the answer that the records were dropped.</summary>
    Drop,
}

/// <summary>Checks the options when the host starts: a wrong path is one line saying which, before any request.</summary>
internal sealed class WorkPolicyOptionsValidator : IValidateOptions<WorkPolicyOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkPolicyOptions options)
    {
        var failures = new List<string>();
        if (options.Rules.Count == 0) failures.Add("Rules: name at least one rule file or folder");
        failures.AddRange(options.Rules.Where(p => !File.Exists(p) && !Directory.Exists(p)).Select(p => $"Rules: no such file or folder '{p}'"));
        if (options.Facts is { } facts && !File.Exists(facts)) failures.Add($"Facts: no such file '{facts}'");
        if (options.Records is not null && options.RecordsPostgres is not null) failures.Add("Records and RecordsPostgres: choose one store");
        if (options.Debounce < TimeSpan.Zero || options.Debounce > TimeSpan.FromMinutes(1)) failures.Add("Debounce: between 0 and 1 minute");
        if (options.RecordQueue is < 1 or > 1_000_000) failures.Add("RecordQueue: between 1 and 1,000,000");
        if (options.Retention is { } keep && keep <= TimeSpan.Zero) failures.Add("Retention: a positive time, or null to keep every record");
        if (options.ApiKeys.Any(k => string.IsNullOrWhiteSpace(k) || k.Trim().Length < 16))
            failures.Add("ApiKeys: each key at least 16 characters (a short key can be guessed)");
        var limits = options.Limits;
        if (limits.MaxDecisionsPerRequest < 1) failures.Add("Limits.MaxDecisionsPerRequest: at least 1");
        if (limits.MaxInlineEmployees < 1) failures.Add("Limits.MaxInlineEmployees: at least 1");
        if (limits.RequestTime <= TimeSpan.Zero) failures.Add("Limits.RequestTime: a positive time");
        if (limits.MaxConcurrentRequests < 1) failures.Add("Limits.MaxConcurrentRequests: at least 1");
        if (limits.RequestQueue < 0) failures.Add("Limits.RequestQueue: 0 or more");
        if (limits.MaxBodyBytes < 1024) failures.Add("Limits.MaxBodyBytes: at least 1024");
        if (limits.LargeBodiesAtOnce < 1) failures.Add("Limits.LargeBodiesAtOnce: at least 1");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
