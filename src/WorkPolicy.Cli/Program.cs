namespace WorkPolicy.Cli;

/// <summary>Entry point of the <c>workpolicy</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns its exit code.</summary>
    public static int Main(string[] args) => WorkPolicyCommand.Run(args, Console.Out, Console.Error);
}
