using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using WorkPolicy.Hosting.Contract;

namespace WorkPolicy.Hosting;

/// <summary>
/// The service's typed answers (health, rules, problems) written by one source-generated serializer: no reflection,
/// the shapes the OpenAPI document describes. Decisions and records are written by the library's writers.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(HealthAnswer))]
[JsonSerializable(typeof(RulesAnswer))]
[JsonSerializable(typeof(ProblemDoc))]
// The rest of the contract, for the OpenAPI document's schemas where reflection is not there (Native AOT).
[JsonSerializable(typeof(DecideRequest))]
[JsonSerializable(typeof(ExplainRequest))]
[JsonSerializable(typeof(DecideAnswer))]
[JsonSerializable(typeof(DecisionDoc))]
[JsonSerializable(typeof(ExplainAnswer))]
[JsonSerializable(typeof(RecordsAnswer))]
[JsonSerializable(typeof(FilterRequest))]
[JsonSerializable(typeof(FilterAnswer))]
internal sealed partial class ServiceJson : JsonSerializerContext
{
    /// <summary>As the library writes decisions: quotes and non-ASCII letters as they are, not as <c>\u</c> escapes.</summary>
    public static ServiceJson Relaxed { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
