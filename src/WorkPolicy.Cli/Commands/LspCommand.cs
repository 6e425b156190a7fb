using System.CommandLine;


namespace WorkPolicy.Cli.Commands;

/// <summary><c>workpolicy lsp</c>: the language server, over standard input and output.</summary>
internal static class LspCommand
{
    public static System.CommandLine.Command Create()
    {
        var command = new System.CommandLine.Command("lsp", "Serve the Language Server Protocol over standard input and output (for editors)");
        command.SetAction((_, _) => PolicyLanguageServer.RunAsync(Console.OpenStandardInput(), Console.OpenStandardOutput()));
        return command;
    }
}
