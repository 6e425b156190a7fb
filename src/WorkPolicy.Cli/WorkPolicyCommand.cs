using System.CommandLine;
using WorkPolicy.Cli.Commands;

namespace WorkPolicy.Cli;

/// <summary>The verbs of <c>workpolicy</c> and the exit-code contract: 0 success, 1 input errors, 2 wrong usage.</summary>
public static class WorkPolicyCommand
{
    /// <summary>Exit code: success.</summary>
    public const int Ok = 0;
    /// <summary>Exit code: the input has errors.</summary>
    public const int InputErrors = 1;
    /// <summary>Exit code: wrong usage.</summary>
    public const int Usage = 2;
    /// <summary>Exit code: cancelled (Ctrl+C), as shells report an interrupt.</summary>
    public const int Cancelled = 130;

    /// <summary>Parses <paramref name="args"/> and runs the verb, writing to the given streams.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        // What is written for people cannot act on the terminal (Output/PrintableWriter.cs).
        stdout = new Output.PrintableWriter(stdout);
        stderr = new Output.PrintableWriter(stderr);
        var io = new CliIO(stdout, stderr);
        // A root named as the command is typed, not after the running file (RootCommand takes the file's name, and the
        // assembly is WorkPolicy.Cli: 'workpolicy' would clash with the library WorkPolicy, as names ignore case).
        var root = new Command("workpolicy", "WorkPolicy: rules for work-from-home circulars (Surat Edaran)")
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
            CheckCommand.Create(io),
            EvalCommand.Create(io),
            ExplainCommand.Create(io),
            FmtCommand.Create(io),
            ConvertCommand.Create(io),
            CompileCommand.Create(io),
            TestCommand.Create(io),
            CompareCommand.Create(io),
            RosterCommand.Create(io),
            AttendanceCommand.Create(io),
            QueryCommand.Create(io),
            GenerateCommand.Create(io),
            ServeCommand.Create(io),
            ReplayCommand.Create(io),
            RecordsCommand.Create(io),
            LspCommand.Create(),
        };
        var parse = root.Parse(args);
        // With --help the parser lets an unknown verb pass and prints the root help: "workpolicy query --help" would
        // exit 0 as if the verb existed. A word that is no verb is a usage error whatever else is asked.
        var unknownVerb = parse.CommandResult.Command == root && args.FirstOrDefault(a => !a.StartsWith('-')) is { } word
            && !root.Subcommands.Any(c => c.Name == word || c.Aliases.Contains(word)) ? word : null;
        if (parse.Errors.Count > 0 || unknownVerb is not null)
        {
            if (unknownVerb is not null && parse.Errors.Count == 0) stderr.WriteLine($"workpolicy: '{unknownVerb}' is not a command of workpolicy ({string.Join(", ", root.Subcommands.Select(c => c.Name))}).");
            foreach (var e in parse.Errors) stderr.WriteLine($"workpolicy: {e.Message}");
            stderr.WriteLine("Run 'workpolicy --help' for usage.");
            return Usage;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"workpolicy: {ex.Message}");
            return Usage;
        }
        catch (OperationCanceledException)
        {
            // The library stops between blocks; files are written through a rename, so none is left half-written.
            stderr.WriteLine("workpolicy: cancelled");
            return Cancelled;
        }
    }
}

/// <summary>Where a verb writes: normal output and diagnostics.</summary>
public sealed record CliIO(TextWriter Out, TextWriter Err);

/// <summary>Wrong usage discovered after parsing (e.g. a malformed date option).</summary>
public sealed class UsageException(string message) : Exception(message);
