using NodaTime;
using NodaTime.Text;
using WorkPolicy;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
var rules = PolicyEngine.Load(app.Configuration["rules"] ?? "samples/circulars").Value!;
var facts = rules.LoadFacts(app.Configuration["facts"] ?? "samples/facts/sample.facts.yaml").Value!;

// GET /decisions/e-001?on=2021-07-30 → the decision in the JSON of docs/decisions.md.
app.MapGet("/decisions/{employee}", (string employee, string? on) =>
{
    if (LocalDatePattern.Iso.Parse(on ?? "") is not { Success: true } date) return Results.BadRequest(new { error = "on: a date yyyy-mm-dd" });
    return rules.TryDecide(facts, employee, date.Value, out var decision)
        ? Results.Json(decision, PolicyJson.Options)
        : Results.NotFound(new { error = $"employee '{employee}' is not in the facts" });
});
app.Run();
