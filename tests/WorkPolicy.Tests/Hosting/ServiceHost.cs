using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkPolicy.Hosting;

namespace WorkPolicy.Tests;

/// <summary>
/// The decision service in process, on a loopback port of its own, over a copy of the sample rules and facts (so a
/// test may edit them): what <c>workpolicy serve</c> builds, with a small body limit to reach 413 cheaply.
/// </summary>
internal sealed class ServiceHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    public string Folder { get; }
    public HttpClient Client { get; }
    public IPolicyProvider Provider => _app.Services.GetRequiredService<IPolicyProvider>();

    private ServiceHost(WebApplication app, string folder, HttpClient client)
    {
        _app = app;
        Folder = folder;
        Client = client;
    }

    public string Rules => Path.Combine(Folder, "rules");
    public string Records => Path.Combine(Folder, "records.db");

    public static async Task<ServiceHost> Start(bool records = true, string? key = null, long maxBody = 64 * 1024, Action<WorkPolicyOptions>? configure = null, Func<string, Task>? beforeStart = null)
    {
        var folder = Directory.CreateTempSubdirectory("wp-service-").FullName;
        var rules = Path.Combine(folder, "rules");
        Directory.CreateDirectory(rules);
        foreach (var f in Directory.GetFiles(Repo.Path("samples", "circulars"), "*.wp")) File.Copy(f, Path.Combine(rules, Path.GetFileName(f)));
        File.Copy(Repo.Path("samples", "facts", "sample.facts.yaml"), Path.Combine(folder, "staff.facts.yaml"));
        if (beforeStart is not null) await beforeStart(Path.Combine(folder, "records.db"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = maxBody);
        builder.Services.AddWorkPolicy(o =>
        {
            o.Rules.Add(rules);
            o.Facts = Path.Combine(folder, "staff.facts.yaml");
            o.Debounce = TimeSpan.FromMilliseconds(100);
            if (records) o.Records = Path.Combine(folder, "records.db");
            if (key is not null) o.ApiKeys.Add(key);
            configure?.Invoke(o);
        });
        builder.Services.AddWorkPolicyOpenApi();
        var app = builder.Build();
        app.UseWorkPolicyService();
        app.MapWorkPolicyService();
        app.MapOpenApi();
        // A defect planted for the test of the 500 answer.
        app.MapGet("/defect", string () => throw new InvalidOperationException("planted defect at line 1"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ServiceHost(app, folder, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) });
    }

    public async Task<(int Status, JsonElement Body, string? ContentType)> Post(string path, object body)
    {
        using var response = await Client.PostAsJsonAsync(path, body);
        return ((int)response.StatusCode, await Json(response), response.Content.Headers.ContentType?.MediaType);
    }

    public async Task<(int Status, JsonElement Body)> Get(string path)
    {
        using var response = await Client.GetAsync(path);
        return ((int)response.StatusCode, await Json(response));
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Waits (bounded) until <paramref name="done"/> holds of the service's health.</summary>
    public async Task<JsonElement> HealthUntil(Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var (_, health) = await Get("/health");
            if (done(health) || DateTime.UtcNow > deadline) return health;
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
