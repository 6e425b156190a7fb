using System.CommandLine;


namespace WorkPolicy.Cli.Commands;

/// <summary><c>workpolicy lsp</c>: the language server, over standard input and output.</summary>
internal static class LspCommand
{
    public static System.CommandLine.Command Create()
    {
        var command = new System.CommandLine.Command("lsp", "Serve the Language Server Protocol over standard input and output (for editors)");
        command.SetAction((_, _) => Run());
        return command;
    }

    // The server reads its messages through reflection: a Native AOT build says so and stops, before any of it runs.
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Native AOT builds return before the call (no dynamic code there).")]
    private static Task<int> Run()
    {
        if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported)
        {
            Console.Error.WriteLine($"workpolicy: lsp is not in this native build. {PolicyLanguageServer.Why}");
            return Task.FromResult(WorkPolicyCommand.Usage);
        }
        return PolicyLanguageServer.RunAsync(Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.Error);
    }
}
