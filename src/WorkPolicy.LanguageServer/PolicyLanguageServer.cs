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
    [System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode(Why)]
    [System.Diagnostics.CodeAnalysis.RequiresDynamicCode(Why)]
    public static Task<int> RunAsync(Stream input, Stream output) => Editing.LanguageServer.RunAsync(input, output);

    /// <summary>Why the server needs the JIT: said by the attributes above and by the command line under Native AOT.</summary>
    public const string Why = "The protocol's messages are read and written by StreamJsonRpc through reflection (the language server is not made for Native AOT: run the JIT build of workpolicy for editors).";
}
