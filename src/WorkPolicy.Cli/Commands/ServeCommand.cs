using System.CommandLine;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using WorkPolicy.Hosting;

namespace WorkPolicy.Cli.Commands;

/// <summary>
/// <c>workpolicy serve</c>: the decision service of docs/service.md, on the hosting package (<see cref="WorkPolicyEndpoints"/>):
/// loopback by default, a key required off loopback, the OpenAPI document at <c>/openapi/v1.json</c>.
/// </summary>
internal static class ServeCommand
{
    /// <summary>Kestrel's outer cap on a body; each endpoint sets its own, <see cref="WorkPolicyLimits.MaxBodyBytes"/>, below it.</summary>
    private const long MaxBodyBytes = 16 * 1024 * 1024;

    public static Command Create(CliIO io)
    {
        var paths = Shared.Paths();
        var facts = Shared.Facts(required: false);
        var urls = new Option<string>("--urls") { Description = "where to listen (default http://127.0.0.1:5080)", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var records = new Option<string>("--records") { Description = "keep a record of every decision in this SQLite file (created, mode 0600)" };
        var postgres = new Option<string>("--records-postgres") { Description = "keep the records in PostgreSQL (a connection string)" };
        var keyFile = new Option<string>("--api-key-file") { Description = "a file of keys, one a line (several for a rotation): every /v1 request must send one as 'Authorization: Bearer KEY'" };
        var dropWhenFull = new Option<bool>("--drop-records-when-full") { Description = "answer at once when the record queue is full, saying the records were dropped (default: wait)" };
        var retention = new Option<string>("--retention") { Description = "purge records older than this (90d, 12h): they hold personal facts" };
        var tlsCert = new Option<string>("--tls-cert") { Description = "HTTPS: the certificate (PEM file) for https:// URLs" };
        var tlsKey = new Option<string>("--tls-key") { Description = "HTTPS: the certificate's private key (PEM file)" };
        var behindProxy = new Option<string>("--behind-proxy") { Description = "the address of a TLS-terminating proxy in front: plain HTTP off loopback is allowed, X-Forwarded-* honoured from that address only" };
        var maxDecisions = new Option<int?>("--max-decisions") { Description = "decisions one request may ask (employees × days; default 20000)" };
        var maxInline = new Option<int?>("--max-inline-employees") { Description = "employees one request may give inline (default 5000)" };
        var maxConcurrent = new Option<int?>("--max-concurrent") { Description = "/v1 requests served at once before others wait or get 429 (default 64)" };
        var command = new Command("serve", "Serve decisions over HTTP (docs/service.md): rules and facts watched and reloaded, records kept")
        { paths, facts, urls, records, postgres, keyFile, dropWhenFull, retention, tlsCert, tlsKey, behindProxy, maxDecisions, maxInline, maxConcurrent };
        command.SetAction(async (parse, cancel) =>
        {
            var listen = parse.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            string[] keys = [];
            if (parse.GetValue(keyFile) is { } file)
            {
                if (!File.Exists(file) || (keys = [.. File.ReadAllLines(file).Select(l => l.Trim()).Where(l => l.Length > 0)]).Length == 0)
                {
                    io.Err.WriteLine($"workpolicy: --api-key-file '{file}' holds no key");
                    return WorkPolicyCommand.Usage;
                }
            }
            var (cert, certKey) = (parse.GetValue(tlsCert), parse.GetValue(tlsKey));
            if ((cert is null) != (certKey is null))
            {
                io.Err.WriteLine("workpolicy: give --tls-cert and --tls-key together");
                return WorkPolicyCommand.Usage;
            }
            IPAddress? proxy = null;
            if (parse.GetValue(behindProxy) is { } proxyText && !IPAddress.TryParse(proxyText, out proxy))
            {
                io.Err.WriteLine($"workpolicy: --behind-proxy '{proxyText}' is not an IP address");
                return WorkPolicyCommand.Usage;
            }
            if (ServiceExposure.Refusal(listen, keys.Length > 0, cert is not null, proxy is not null) is { } refused)
            {
                io.Err.WriteLine($"workpolicy: {refused}");
                return WorkPolicyCommand.Usage;
            }
            if (parse.GetValue(records) is not null && parse.GetValue(postgres) is not null)
            {
                io.Err.WriteLine("workpolicy: give --records or --records-postgres, not both");
                return WorkPolicyCommand.Usage;
            }
            TimeSpan? keep = null;
            if (parse.GetValue(retention) is { } keepText && (keep = Retention(keepText)) is null)
            {
                io.Err.WriteLine($"workpolicy: --retention '{keepText}': a number of days or hours, as 90d or 12h");
                return WorkPolicyCommand.Usage;
            }
            System.Security.Cryptography.X509Certificates.X509Certificate2? certificate = null;
            if (cert is not null)
            {
                try
                {
                    certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPemFile(cert, certKey);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or ArgumentException)
                {
                    io.Err.WriteLine($"workpolicy: --tls-cert '{cert}' with --tls-key '{certKey}': {ex.Message}");
                    return WorkPolicyCommand.Usage;
                }
            }
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
            // The host logs a failed start with the exception's stack before throwing it; this command says why in one
            // line (below), and the top level reports anything unforeseen.
            builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.UseUrls(listen);
            builder.WebHost.ConfigureKestrel(k =>
            {
                k.Limits.MaxRequestBodySize = MaxBodyBytes;
                if (certificate is not null) k.ConfigureHttpsDefaults(h => h.ServerCertificate = certificate);
            });
            if (proxy is not null)
            {
                builder.Services.Configure<ForwardedHeadersOptions>(o =>
                {
                    o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                    // Only the named proxy is believed; the defaults (loopback) are dropped.
                    o.KnownProxies.Clear();
                    o.KnownIPNetworks.Clear();
                    o.KnownProxies.Add(proxy);
                });
            }
            builder.Services.AddSingleton<IClock>(SystemClock.Instance);
            builder.Services.AddWorkPolicyOpenApi();
            builder.Services.AddWorkPolicy(o =>
            {
                o.Rules.AddRange(parse.GetValue(paths)!);
                o.Facts = parse.GetValue(facts);
                o.Records = parse.GetValue(records);
                o.RecordsPostgres = parse.GetValue(postgres);
                o.WhenRecordsFull = parse.GetValue(dropWhenFull) ? RecordOverflow.Drop : RecordOverflow.Wait;
                o.Retention = keep;
                o.ApiKeys.AddRange(keys);
                if (parse.GetValue(maxDecisions) is { } d) o.Limits.MaxDecisionsPerRequest = d;
                if (parse.GetValue(maxInline) is { } i) o.Limits.MaxInlineEmployees = i;
                if (parse.GetValue(maxConcurrent) is { } c) o.Limits.MaxConcurrentRequests = c;
            });
            await using var app = builder.Build();
            if (proxy is not null) app.UseForwardedHeaders();
            app.UseWorkPolicyService();
            app.MapOpenApi();
            app.MapWorkPolicyService();
            try
            {
                await app.StartAsync(cancel).ConfigureAwait(false);
                // Until SIGTERM / Ctrl-C (the host's lifetime) or the command's cancellation; stopping writes every queued record.
                await Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions.WaitForShutdownAsync(app, cancel).ConfigureAwait(false);
            }
            catch (OptionsValidationException ex)
            {
                io.Err.WriteLine($"workpolicy: {string.Join("; ", ex.Failures)}");
                return WorkPolicyCommand.Usage;
            }
            catch (Exception ex) when (Shared.RecordsUnusable(ex))
            {
                io.Err.WriteLine($"workpolicy: cannot open the records: {ex.Message}");
                return WorkPolicyCommand.Usage;
            }
            catch (IOException ex) when (ex.InnerException is System.Net.Sockets.SocketException || ex.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
            {
                io.Err.WriteLine($"workpolicy: cannot listen on {string.Join(", ", listen)}: {ex.Message}");
                return WorkPolicyCommand.Usage;
            }
            return WorkPolicyCommand.Ok;
        });
        return command;
    }

    /// <summary>A retention written as days or hours (<c>90d</c>, <c>12h</c>), or null.</summary>
    internal static TimeSpan? Retention(string text)
    {
        var unit = text.Length > 1 ? text[^1] : ' ';
        if (!int.TryParse(text.AsSpan(0, Math.Max(0, text.Length - 1)), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 1) return null;
        return unit switch { 'd' => TimeSpan.FromDays(n), 'h' => TimeSpan.FromHours(n), _ => null };
    }
}
