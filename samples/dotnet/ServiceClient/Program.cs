using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using WorkPolicy.Samples.Client;
using WorkPolicy.Samples.Client.Models;

// dotnet run -- http://127.0.0.1:5087 [KEY]: decide, explain, filter and read the records through the generated client.
var baseUrl = args.Length > 0 ? args[0] : "http://127.0.0.1:5087";
IAuthenticationProvider auth = args.Length > 1 ? new BaseBearerTokenAuthenticationProvider(new StaticKey(args[1])) : new AnonymousAuthenticationProvider();
var client = new WorkPolicyClient(new HttpClientRequestAdapter(auth) { BaseUrl = baseUrl });

var decided = await client.V1.Decide.PostAsync(new DecideRequest { On = "2021-07-30", Employees = ["e-001", "e-003"] });
foreach (var d in decided!.Decisions!)
    Console.WriteLine($"decide {d.Employee} {d.Date} {d.Mode} by {string.Join(", ", d.Provisions!.Select(p => p.Id))} record {d.Record ?? "-"}");

var why = await client.V1.Explain.PostAsync(new ExplainRequest { Employee = "e-001", On = "2021-07-30" });
Console.WriteLine($"explain {why!.Decision!.Employee} {why.Decision.Mode}: {why.Trace!.Count} trace steps, versions {string.Join(", ", why.Versions!.Select(v => v.Id))}");

var office = await client.V1.Filter.PostAsync(new FilterRequest { On = "2021-07-30", Mode = "office" });
Console.WriteLine($"filter office on 2021-07-30: {office!.Residual!.Terms!.Count} term(s), units {string.Join(", ", office.Residual.Terms.SelectMany(t => t.Units!))}");

var kept = await client.V1.Records.GetAsync(r => r.QueryParameters.Employee = "e-001");
Console.WriteLine($"records of e-001: {kept!.Records!.Count}, newest {kept.Records.FirstOrDefault()?.Decision?.Mode ?? "-"}");

try
{
    await client.V1.Decisions["nobody"].GetAsync(r => r.QueryParameters.On = "2021-07-30");
}
catch (ProblemDoc problem)
{
    // Problems are typed: the generated client throws the document with its status, title and WP diagnostics.
    Console.WriteLine($"problem {problem.Status} {problem.Title}: {problem.Detail}");
}

/// <summary>The service's key, as the bearer token of every request.</summary>
internal sealed class StaticKey(string key) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new();

    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(key);
}
