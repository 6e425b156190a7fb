using System.CommandLine;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
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
    /// <summary>The largest request body accepted (inline facts for a few thousand employees).</summary>
    private const long MaxBodyBytes = 16 * 1024 * 1024;

    public static Command Create(CliIO io)
    {
        var paths = Shared.Paths();
        var facts = Shared.Facts(required: false);
        var urls = new Option<string>("--urls") { Description = "where to listen (default http://127.0.0.1:5080)", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var records = new Option<string>("--records") { Description = "keep a record of every decision in this SQLite file (created, mode 0600)" };
        var postgres = new Option<string>("--records-postgres") { Description = "keep the records in PostgreSQL (a connection string)" };
        var keyFile = new Option<string>("--api-key-file") { Description = "a file holding the key every /v1 request must send as 'Authorization: Bearer KEY'" };
        var dropWhenFull = new Option<bool>("--drop-records-when-full") { Description = "answer at once when the record queue is full, saying the records were dropped (default: wait)" };
        var command = new Command("serve", "Serve decisions over HTTP (docs/service.md): rules and facts watched and reloaded, records kept") { paths, facts, urls, records, postgres, keyFile, dropWhenFull };
        command.SetAction(async (parse, cancel) =>
        {
            var listen = parse.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            string? key = null;
            if (parse.GetValue(keyFile) is { } file)
            {
                if (!File.Exists(file) || (key = File.ReadAllText(file).Trim()).Length == 0)
                {
                    io.Err.WriteLine($"workpolicy: --api-key-file '{file}' holds no key");
                    return WorkPolicyCommand.Usage;
                }
            }
            if (key is null && listen.FirstOrDefault(u => !IsLoopback(u)) is { } open)
            {
                io.Err.WriteLine($"workpolicy: listening on {open} (not loopback) needs --api-key-file: every /v1 request would be open to the network");
                return WorkPolicyCommand.Usage;
            }
            if (parse.GetValue(records) is not null && parse.GetValue(postgres) is not null)
            {
                io.Err.WriteLine("workpolicy: give --records or --records-postgres, not both");
                return WorkPolicyCommand.Usage;
            }
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
            builder.WebHost.UseUrls(listen);
            builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxBodyBytes);
            builder.Services.AddSingleton<IClock>(SystemClock.Instance);
            builder.Services.AddOpenApi();
            builder.Services.AddWorkPolicy(o =>
            {
                o.Rules.AddRange(parse.GetValue(paths)!);
                o.Facts = parse.GetValue(facts);
                o.Records = parse.GetValue(records);
                o.RecordsPostgres = parse.GetValue(postgres);
                o.WhenRecordsFull = parse.GetValue(dropWhenFull) ? RecordOverflow.Drop : RecordOverflow.Wait;
            });
            await using var app = builder.Build();
            app.UseWorkPolicyProblems();
            if (key is not null) app.UseWorkPolicyApiKey(key);
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
            catch (IOException ex) when (ex.InnerException is System.Net.Sockets.SocketException || ex.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
            {
                io.Err.WriteLine($"workpolicy: cannot listen on {string.Join(", ", listen)}: {ex.Message}");
                return WorkPolicyCommand.Usage;
            }
            return WorkPolicyCommand.Ok;
        });
        return command;
    }

    /// <summary>Whether a URL listens on loopback only (127.0.0.0/8, ::1, localhost).</summary>
    internal static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)) return false;
        return uri.Host == "localhost" || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
