using System.Net;

namespace WorkPolicy.Hosting;

/// <summary>
/// Whether a service may listen where it is told to: a key never travels in clear text, and personal data is never
/// served to the network without one. <c>workpolicy serve</c> asks it before it starts; an app hosting the endpoints
/// on its own Kestrel may ask it too.
/// </summary>
/// <example>
/// <code>
/// if (ServiceExposure.Refusal(["http://0.0.0.0:5080"], hasKey: true, hasCertificate: false, behindProxy: false) is { } why)
///     Console.Error.WriteLine(why);   // plain HTTP off loopback would send the key in clear text …
/// </code>
/// </example>
public static class ServiceExposure
{
    /// <summary>
    /// Null when the service may listen on <paramref name="urls"/>, else one line saying why not: off loopback it needs a
    /// key, and either HTTPS (with a certificate) or a TLS-terminating proxy in front; <c>https://</c> needs a certificate.
    /// </summary>
    public static string? Refusal(IEnumerable<string> urls, bool hasKey, bool hasCertificate, bool behindProxy)
    {
        ArgumentNullException.ThrowIfNull(urls);
        foreach (var url in urls)
        {
            var https = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
            if (https && !hasCertificate) return $"listening on {url} needs a certificate: give --tls-cert and --tls-key (PEM files)";
            if (IsLoopback(url)) continue;
            if (!hasKey) return $"listening on {url} (not loopback) needs --api-key-file: every /v1 request would be open to the network";
            if (!https && !behindProxy)
                return $"listening on {url} (not loopback) over plain HTTP would send the key in clear text: use https:// with --tls-cert and --tls-key, or --behind-proxy ADDRESS for a TLS-terminating proxy";
        }
        return null;
    }

    /// <summary>Whether a URL listens on loopback only (127.0.0.0/8, ::1, localhost).</summary>
    public static bool IsLoopback(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)) return false;
        return uri.Host == "localhost" || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
