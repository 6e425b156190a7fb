using System.Text.Json;

namespace WorkPolicy.Tests;

/// <summary>
/// Enough of OpenAPI 3.1's schemas to hold an answer to the document that describes it: <c>$ref</c>, <c>oneOf</c>,
/// <c>type</c> (one or several), <c>properties</c> with <c>required</c> (and no member the schema does not declare),
/// <c>items</c>. A schema with none of these (<c>{}</c>) takes anything.
/// </summary>
internal sealed class OpenApiSchema(JsonElement document)
{
    public JsonElement Document { get; } = document;

    /// <summary>The schema of the answer <paramref name="status"/> of <paramref name="method"/> <paramref name="path"/> (a template as the document writes it) in <paramref name="contentType"/>, or null when not declared.</summary>
    public JsonElement? Answer(string method, string path, int status, string contentType) =>
        Document.GetProperty("paths").TryGetProperty(path, out var item) && item.TryGetProperty(method.ToLowerInvariant(), out var op)
        && op.GetProperty("responses").TryGetProperty(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response)
        && response.TryGetProperty("content", out var content) && content.TryGetProperty(contentType, out var media)
            ? media.GetProperty("schema") : null;

    /// <summary>The request body's schema of an operation, resolved.</summary>
    public JsonElement Body(string method, string path) =>
        Resolve(Document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));

    public JsonElement Resolve(JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!["#/components/schemas/".Length..];
            schema = Document.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }
        return schema;
    }

    /// <summary>Where <paramref name="value"/> departs from <paramref name="schema"/>, one line each; empty when it conforms.</summary>
    public List<string> Violations(JsonElement value, JsonElement schema, string at = "$")
    {
        schema = Resolve(schema);
        var found = new List<string>();
        if (schema.ValueKind != JsonValueKind.Object) return found;
        if (schema.TryGetProperty("oneOf", out var choices))
        {
            if (!choices.EnumerateArray().Any(c => Violations(value, c, at).Count == 0)) found.Add($"{at}: fits none of oneOf");
            return found;
        }
        if (schema.TryGetProperty("type", out var type))
        {
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
            if (!types.Any(t => Fits(value, t))) found.Add($"{at}: {value.ValueKind} is not {string.Join(" or ", types)}");
        }
        if (value.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties))
        {
            foreach (var member in value.EnumerateObject())
            {
                if (properties.TryGetProperty(member.Name, out var declared)) found.AddRange(Violations(member.Value, declared, $"{at}.{member.Name}"));
                else found.Add($"{at}.{member.Name}: not declared");
            }
            if (schema.TryGetProperty("required", out var required))
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!).Where(n => !value.TryGetProperty(n, out _)))
                    found.Add($"{at}.{name}: required, missing");
        }
        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray()) found.AddRange(Violations(item, items, $"{at}[{i++}]"));
        }
        return found;
    }

    private static bool Fits(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => false,
    };
}
