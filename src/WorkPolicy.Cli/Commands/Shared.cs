using System.CommandLine;
using NodaTime;
using NodaTime.Text;
using WorkPolicy.Cli.Output;

namespace WorkPolicy.Cli.Commands;

/// <summary>Options and loading steps several verbs share; every job itself is a call of the public library.</summary>
internal static class Shared
{
    public static Argument<string[]> Paths(string description = "rule files or folders (.wp, .yaml)")
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = description };
        // The parser hands a misspelled option (--fact, --attendance) to the paths: said as what it is, not as a missing file.
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
                if (token.Value.StartsWith('-') && !File.Exists(token.Value) && !Directory.Exists(token.Value))
                    result.AddError($"'{token.Value}' is not an option of this command (see --help)");
        });
        return paths;
    }

    public static Option<string> Facts(bool required = true) => new("--facts") { Description = "facts file (YAML)", Required = required };

    public static Option<string> Format() =>
        new Option<string>("--format") { Description = "json or table", DefaultValueFactory = _ => "table" }.AcceptOnlyFromAmong("json", "table");

    /// <summary>Prints diagnostics sorted by place, so output is deterministic.</summary>
    public static void Print(CliIO io, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics.OrderBy(d => d.Span.Path, StringComparer.Ordinal).ThenBy(d => d.Span.Line).ThenBy(d => d.Span.Column).ThenBy(d => d.Code, StringComparer.Ordinal))
            io.Err.WriteLine(d.ToString());
    }

    public static LocalDate Date(string? text, string option)
    {
        if (text is null) throw new UsageException($"{option} is required");
        return LocalDatePattern.Iso.Parse(text) is { Success: true } parsed ? parsed.Value : throw new UsageException($"{option} '{text}' is not a date (yyyy-mm-dd)");
    }

    /// <summary>Loads and checks rules as <see cref="PolicyEngine.Load(string[])"/> does; null (diagnostics printed) when they have errors.</summary>
    public static PolicyEngine? LoadRules(CliIO io, IEnumerable<string> paths, StageTimer? timer = null)
    {
        var loaded = PolicyEngine.Load([.. paths]);
        Print(io, loaded.Diagnostics);
        timer?.Mark("rules");
        return loaded.Value;
    }

    /// <summary>Loads facts for <paramref name="engine"/>; null (diagnostics printed) when they have errors.</summary>
    public static PolicyFacts? LoadFacts(CliIO io, PolicyEngine engine, string path)
    {
        var loaded = engine.Facts.Load(path);
        Print(io, loaded.Diagnostics);
        return loaded.Value;
    }

    /// <summary>The records argument of <c>replay</c> and <c>records</c>.</summary>
    public static Argument<string> Records() =>
        new("records") { Description = "the records: a SQLite file of 'serve --records', or a PostgreSQL connection string (Host=…;Database=…)" };

    /// <summary>
    /// The record store at <paramref name="source"/>, initialized; null (said why) when there is no such file, or the
    /// store cannot be opened: a file that is not a SQLite database, a server that does not answer, a newer schema.
    /// </summary>
    public static async Task<WorkPolicy.Hosting.IDecisionRecordStore?> OpenRecords(CliIO io, string source, CancellationToken cancel)
    {
        var postgres = WorkPolicy.Hosting.DecisionRecordStores.IsPostgres(source);
        if (!postgres && !File.Exists(source))
        {
            io.Err.WriteLine($"workpolicy: no records file '{source}'");
            return null;
        }
        var store = WorkPolicy.Hosting.DecisionRecordStores.Open(source);
        try
        {
            await store.InitializeAsync(cancel).ConfigureAwait(false);
            return store;
        }
        catch (Exception ex) when (RecordsUnusable(ex))
        {
            await store.DisposeAsync().ConfigureAwait(false);
            // A connection string may hold a password: it is not repeated.
            io.Err.WriteLine($"workpolicy: cannot open the records {(postgres ? "in PostgreSQL" : $"file '{source}'")}: {ex.Message}");
            return null;
        }
    }

    /// <summary>What opening a record store throws for a store that is not one, not there or too new: the user's to mend, not a defect.</summary>
    public static bool RecordsUnusable(Exception ex) =>
        ex is System.Data.Common.DbException or InvalidDataException or System.Net.Sockets.SocketException or TimeoutException;

    /// <summary>
    /// A text the library made, with its diagnostics printed: written to <paramref name="output"/> through a rename, or
    /// to standard output; the exit code (input errors when there is no text).
    /// </summary>
    public static int WriteText(CliIO io, Loaded<string> made, string? output)
    {
        Print(io, made.Diagnostics);
        if (made.Value is not { } text) return WorkPolicyCommand.InputErrors;
        if (output is not null) return WriteFile(io, output, w => w.Write(text));
        io.Out.Write(text);
        return WorkPolicyCommand.Ok;
    }

    /// <summary>Writes the file a verb was told to write (<c>-o</c>); one that cannot be written is WP0007, printed, and exit 1.</summary>
    public static int WriteFile(CliIO io, string path, Action<TextWriter> write)
    {
        var unwritten = RuleFiles.Write(path, write);
        Print(io, unwritten);
        return unwritten.Count == 0 ? WorkPolicyCommand.Ok : WorkPolicyCommand.InputErrors;
    }

    /// <summary>Writes a report's JSON and a newline to standard output.</summary>
    public static void WriteJson(CliIO io, Report report) => WriteUtf8(io, report.WriteJson);

    /// <summary>
    /// Writes what <paramref name="write"/> writes, then a newline, to standard output: straight to its byte stream where
    /// it is one (the console, or a file), so a large output — a roster of a million employees — never becomes one string.
    /// </summary>
    public static void WriteUtf8(CliIO io, Action<Stream> write)
    {
        // JSON escapes what would act on a terminal itself: written to the writer under the printable one.
        io.Out.Flush();
        var output = Output.PrintableWriter.Unwrap(io.Out);
        if (ReferenceEquals(output, Console.Out))
        {
            output.Flush();
            using var stdout = Console.OpenStandardOutput();
            write(stdout);
            stdout.WriteByte((byte)'\n');
            return;
        }
        if (output is StreamWriter { Encoding: System.Text.UTF8Encoding } file)
        {
            file.Flush();
            write(file.BaseStream);
            file.BaseStream.WriteByte((byte)'\n');
            return;
        }
        using var ms = new MemoryStream();
        write(ms);
        output.WriteLine(System.Text.Encoding.UTF8.GetString(ms.ToArray()));
    }

    /// <summary>Every date from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    public static (LocalDate From, LocalDate To) Dates(string? on, string? from, string? to)
    {
        if (on is not null)
        {
            if (from is not null || to is not null) throw new UsageException("give either --on or --from/--to, not both");
            var day = Date(on, "--on");
            return (day, day);
        }
        var start = Date(from, "--from (or --on)");
        var end = Date(to, "--to");
        if (end < start) throw new UsageException("--to is before --from");
        if (Period.DaysBetween(start, end) > 3660) throw new UsageException("a range of more than ten years is refused");
        return (start, end);
    }
}
