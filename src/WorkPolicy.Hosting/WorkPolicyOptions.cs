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
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
