using Microsoft.Extensions.Primitives;
using NodaTime;
using NodaTime.Text;
using WorkPolicy;
using WorkPolicy.Hosting;

// An ASP.NET Core app on the hosting package: the rules and facts are watched and reloaded (a broken edit keeps the
// last good rules), the service's endpoints are mapped as `workpolicy serve` maps them, and one endpoint of the app's
// own reads the rules that answer now.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddWorkPolicy(o =>
{
    o.Rules.Add(builder.Configuration["rules"] ?? "samples/circulars");
    o.Facts = builder.Configuration["facts"] ?? "samples/facts/sample.facts.yaml";
});
var app = builder.Build();
app.UseWorkPolicyService();
app.MapWorkPolicyService();

// GET /modes/e-001?on=2021-07-30 → "rotation": the app's own use of IPolicyProvider.
app.MapGet("/modes/{employee}", (string employee, string? on, IPolicyProvider rules) =>
{
    if (LocalDatePattern.Iso.Parse(on ?? "") is not { Success: true } date) return Results.BadRequest(new { error = "on: a date yyyy-mm-dd" });
    if (rules.Current is not { Facts: { } facts } now) return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
    return now.Engine.TryDecide(facts, employee, date.Value, out var decision)
        ? Results.Text(decision.Mode.ToString().ToLowerInvariant())
        : Results.NotFound(new { error = $"employee '{employee}' is not in the facts" });
});

// React to a reload as the IOptionsMonitor pattern does: a change token per change.
ChangeToken.OnChange(app.Services.GetRequiredService<IPolicyProvider>().GetChangeToken,
    () => app.Logger.LogInformation("rules now {Revision}", app.Services.GetRequiredService<IPolicyProvider>().Current?.Revision));
app.Run();
