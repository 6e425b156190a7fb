namespace WorkPolicy.Cli;

/// <summary>Entry point of the <c>workpolicy</c> command.</summary>
public static class Program
{
    /// <summary>An internal error: a defect of the tool, never of the input.</summary>
    public const int InternalError = 70;

    /// <summary>Runs the command line and returns its exit code.</summary>
    public static int Main(string[] args)
    {
        try
        {
            return WorkPolicyCommand.Run(args, Console.Out, Console.Error);
        }
        catch (Exception ex) when (Environment.GetEnvironmentVariable("WORKPOLICY_DEBUG") != "1")
        {
            // Bad input is reported as diagnostics; what reaches here is a defect: one line, no stack trace
            // (WORKPOLICY_DEBUG=1 shows it). Tests call WorkPolicyCommand.Run and still see the exception.
            Console.Error.WriteLine($"workpolicy: internal error ({ex.GetType().Name}: {ex.Message}); please report it with the command line that caused it");
            return InternalError;
        }
    }
}
