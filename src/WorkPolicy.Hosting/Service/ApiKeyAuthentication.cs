using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WorkPolicy.Hosting;

/// <summary>
/// The service's key as an ASP.NET Core authentication scheme and authorization policy. The policy is endpoint
/// metadata on the <c>/v1</c> route group, so the authorization middleware asks for it on whatever endpoint routing
/// chose — however the client spelled the path (case, <c>//</c>, percent-encoding, dot segments). The old check
/// compared the path's text (<c>/v1</c>, case-sensitively) while routing ignores case: <c>/V1/records</c> walked around it.
/// </summary>
internal static class ApiKeyAuthentication
{
    /// <summary>The scheme's and the policy's name.</summary>
    public const string Scheme = "WorkPolicyKey";

    /// <summary>SHA-256 of a key: keys are compared as digests of one length, in constant time.</summary>
    public static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim()));

    /// <summary>Whether <paramref name="given"/> is one of <paramref name="keys"/>; every key is compared, whichever matches.</summary>
    public static bool Matches(IReadOnlyList<byte[]> keys, string given)
    {
        var digest = Digest(given);
        var found = false;
        foreach (var key in keys) found |= CryptographicOperations.FixedTimeEquals(digest, key);
        return found;
    }
}

/// <summary>Authenticates <c>Authorization: Bearer KEY</c> against <see cref="WorkPolicyOptions.ApiKeys"/>; a 401 challenge is a problem document.</summary>
internal sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> schemes, ILoggerFactory logger, UrlEncoder encoder, IOptions<WorkPolicyOptions> options)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemes, logger, encoder)
{
    private readonly byte[][] _keys = [.. options.Value.ApiKeys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(ApiKeyAuthentication.Digest)];

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (_keys.Length == 0) return Task.FromResult(AuthenticateResult.NoResult());
        var given = Request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        if (!given.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)) return Task.FromResult(AuthenticateResult.NoResult());
        if (!ApiKeyAuthentication.Matches(_keys, given[Bearer.Length..])) return Task.FromResult(AuthenticateResult.Fail("a wrong key"));
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "api-key")], ApiKeyAuthentication.Scheme);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyAuthentication.Scheme)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.Of(StatusCodes.Status401Unauthorized, "a missing or wrong key", "send Authorization: Bearer <key>").ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Of(StatusCodes.Status403Forbidden, "forbidden").ExecuteAsync(Context);
}

/// <summary>Met when no key is configured, or when the request carried one of the keys.</summary>
internal sealed class ApiKeyRequirement : AuthorizationHandler<ApiKeyRequirement>, IAuthorizationRequirement
{
    private readonly bool _open;

    public ApiKeyRequirement(bool open) => _open = open;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiKeyRequirement requirement)
    {
        if (requirement._open || context.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == ApiKeyAuthentication.Scheme))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
