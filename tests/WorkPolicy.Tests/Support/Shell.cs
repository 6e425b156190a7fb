using WorkPolicy.Cli;

namespace WorkPolicy.Tests;

/// <summary>Runs the <c>workpolicy</c> command in process, as a user would from a shell.</summary>
internal static class Shell
{
    /// <summary>The exit code and what the command wrote to standard output and standard error.</summary>
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = WorkPolicyCommand.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
