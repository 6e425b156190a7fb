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
    /// <summary>
    /// Serves the protocol until the client sends <c>exit</c> or closes the input; returns the process exit code, as the
    /// protocol says: 0 when <c>shutdown</c> came first, else 1.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode(Why)]
    [System.Diagnostics.CodeAnalysis.RequiresDynamicCode(Why)]
    public static Task<int> RunAsync(Stream input, Stream output) => Editing.LanguageServer.RunAsync(input, output);

    /// <summary>
    /// As <see cref="RunAsync(Stream, Stream)"/>, and when the session ends without <c>shutdown</c> (the editor gone, a
    /// message that is not JSON-RPC) says why on <paramref name="log"/> (standard error: editors show it in their logs).
    /// </summary>
    /// <example><code>return await PolicyLanguageServer.RunAsync(Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.Error);</code></example>
    [System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode(Why)]
    [System.Diagnostics.CodeAnalysis.RequiresDynamicCode(Why)]
    public static Task<int> RunAsync(Stream input, Stream output, TextWriter log) => Editing.LanguageServer.RunAsync(input, output, log);

    /// <summary>Why the server needs the JIT: said by the attributes above and by the command line under Native AOT.</summary>
    public const string Why = "The protocol's messages are read and written by StreamJsonRpc through reflection (the language server is not made for Native AOT: run the JIT build of workpolicy for editors).";
}
