using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace WorkPolicy.Hosting;

/// <summary>With a key configured, every <c>/v1/*</c> request needs <c>Authorization: Bearer KEY</c> (compared in constant time); <c>/health</c> does not.</summary>
internal sealed class ApiKey(RequestDelegate next, byte[] key)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/v1", StringComparison.Ordinal))
        {
            var given = context.Request.Headers.Authorization.ToString();
            var ok = given.StartsWith("Bearer ", StringComparison.Ordinal)
                && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given["Bearer ".Length..].Trim())), SHA256.HashData(key));
            if (!ok)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await Problems.Of(StatusCodes.Status401Unauthorized, "a missing or wrong key", "send Authorization: Bearer <key>").ExecuteAsync(context).ConfigureAwait(false);
                return;
            }
        }
        await next(context).ConfigureAwait(false);
    }
}
