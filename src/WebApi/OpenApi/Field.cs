using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Ecommerce.WebApi.OpenApi;

/// <summary>What a client needs to know about one property or parameter: its meaning, limits and an example.</summary>
internal sealed record Field(string Description)
{
    public JsonNode? Example { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public string? Pattern { get; init; }

    public decimal? Minimum { get; init; }

    public decimal? Maximum { get; init; }

    /// <summary>Puts the limits on the schema, and the meaning and example too unless a parameter carries them.</summary>
    public void ApplyTo(OpenApiSchema schema, bool describe = true)
    {
        if (describe)
        {
            schema.Description = Description;
            schema.Examples = Example is null ? schema.Examples : [Example.DeepClone()];
        }

        schema.MinLength = MinLength ?? schema.MinLength;
        schema.MaxLength = MaxLength ?? schema.MaxLength;
        schema.Pattern = Pattern ?? schema.Pattern;
        schema.Minimum = Minimum?.ToString(CultureInfo.InvariantCulture) ?? schema.Minimum;
        schema.Maximum = Maximum?.ToString(CultureInfo.InvariantCulture) ?? schema.Maximum;
    }
}
