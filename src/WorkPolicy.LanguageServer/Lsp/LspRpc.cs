using System.Reflection;
using System.Text.Json;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace WorkPolicy.Editing;

/// <summary>
/// The connection, with errors a client expects: a request whose params lack a member or hold one of the wrong kind
/// (a code action sent without its <c>range</c>) is <c>InvalidParams</c> naming the method, not an internal exception
/// whose stack names the server's source paths; anything else unexpected is <c>InternalError</c> with its message only.
/// </summary>
internal sealed class LspRpc(IJsonRpcMessageHandler handler) : JsonRpc(handler)
{
    protected override JsonRpcError.ErrorDetail CreateErrorDetails(JsonRpcRequest request, Exception exception)
    {
        var thrown = exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
        if (thrown is LocalRpcException or OperationCanceledException) return base.CreateErrorDetails(request, exception);
        if (thrown is KeyNotFoundException or InvalidOperationException or FormatException or JsonException or ArgumentException)
            return new JsonRpcError.ErrorDetail { Code = JsonRpcErrorCode.InvalidParams, Message = $"{request.Method}: the params lack a member or hold one of the wrong kind ({thrown.Message})" };
        return new JsonRpcError.ErrorDetail { Code = JsonRpcErrorCode.InternalError, Message = $"{request.Method}: {thrown.Message}" };
    }
}
