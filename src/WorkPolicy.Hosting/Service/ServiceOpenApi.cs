using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace WorkPolicy.Hosting;

/// <summary>
/// The service's OpenAPI document (<c>/openapi/v1.json</c> once <c>MapOpenApi()</c> is called): every endpoint with its
/// request body, every answer with its schema (problem documents included) and the bearer scheme on <c>/v1</c> —
/// enough for a client generator (Kiota, openapi-generator).
/// </summary>
public static class ServiceOpenApi
{
    private const string Bearer = "bearer";

    /// <summary>Adds the OpenAPI document <c>v1</c> describing <see cref="WorkPolicyEndpoints.MapWorkPolicyService"/>.</summary>
    /// <example><code>builder.Services.AddWorkPolicyOpenApi(); … app.MapOpenApi();</code></example>
    public static IServiceCollection AddWorkPolicyOpenApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        // The schemas are drawn from the serializer's contracts: where reflection is off (Native AOT) the generated
        // ones stand in; added last, so with reflection the document is as it always was.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Add(ServiceJson.Default));
        return services.AddOpenApi("v1", o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "WorkPolicy decision service",
                    Version = typeof(ServiceOpenApi).Assembly.GetName().Version?.ToString(3) ?? "0",
                    Description = "Who works from home, who stays at the office, in what rotation, with which check-ins: decisions of the regional circulars' provisions, with their citations.",
                    License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" },
                };
                // A client is given its base address; the one the document was asked at is written without a trailing '/'.
                foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
                foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
                    tag.Description ??= tag.Name == "decisions" ? "Decisions, explanations, the rules that answer and the records kept (the key, when configured)" : "Whether the service answers (no key)";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "with --api-key-file: Authorization: Bearer <key> on every /v1 request",
                };
                return Task.CompletedTask;
            });
            o.AddOperationTransformer(async (operation, context, cancel) =>
            {
                var path = context.Description.RelativePath ?? "";
                // /v1 asks for the key; /health is open (an empty requirement says so).
                operation.Security = path.StartsWith("v1/", StringComparison.Ordinal)
                    ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] }]
                    : [new OpenApiSecurityRequirement()];
                // Records read their query by hand (so every wrong value is a 400 problem naming it): described here.
                if (path == "v1/records")
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(Query("employee", JsonSchemaType.String, null, "only this employee's records"));
                    operation.Parameters.Add(Query("from", JsonSchemaType.String, "date", "decisions for this date or later"));
                    operation.Parameters.Add(Query("to", JsonSchemaType.String, "date", "decisions for this date or earlier"));
                    operation.Parameters.Add(Query("page", JsonSchemaType.Integer, "int32", "the page, from 1 (100 records a page, newest first)"));
                }
                // Bodies are read by hand whatever their Content-Type (a client that sends JSON labelled otherwise is
                // still answered), so they are described here rather than by Accepts metadata, which routing enforces.
                if (path is "v1/decide" or "v1/explain" or "v1/filter")
                {
                    var (type, name) = path switch
                    {
                        "v1/decide" => (typeof(Contract.DecideRequest), "DecideRequest"),
                        "v1/explain" => (typeof(Contract.ExplainRequest), "ExplainRequest"),
                        _ => (typeof(Contract.FilterRequest), "FilterRequest"),
                    };
                    var schema = await context.GetOrCreateSchemaAsync(type, null, cancel).ConfigureAwait(false);
                    context.Document!.AddComponent(name, schema);
                    operation.RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = new OpenApiSchemaReference(name, context.Document) } },
                    };
                }
            });
        });
    }

    private static OpenApiParameter Query(string name, JsonSchemaType type, string? format, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Query,
        Required = false,
        Description = description,
        Schema = new OpenApiSchema { Type = type, Format = format },
    };
}
