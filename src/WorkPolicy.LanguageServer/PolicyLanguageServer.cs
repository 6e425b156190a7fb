namespace WorkPolicy;

/// <summary>The language server editors start (<c>workpolicy lsp</c>): the Language Server Protocol over a pair of streams.</summary>
/// <example>
/// <code>
/// // Serve an editor over standard input and output until it says 'exit'.
/// return await PolicyLanguageServer.RunAsync(Console.OpenStandardInput(), Console.OpenStandardOutput());
/// </code>
/// </example>
public static class PolicyLanguageServer
{
    /// <summary>Serves the protocol until the client sends <c>exit</c> or closes the input; returns 0, the process exit code.</summary>
    public static Task<int> RunAsync(Stream input, Stream output) => Editing.LanguageServer.RunAsync(input, output);
}
