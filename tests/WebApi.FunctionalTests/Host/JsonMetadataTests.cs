using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Ecommerce.WebApi.FunctionalTests.Host;

/// <summary>
/// Every body the API reads or writes, found from the endpoints' own metadata (what they accept and
/// what they answer with), is served from build-time generated metadata, never from reflection.
/// </summary>
public sealed class JsonMetadataTests(CatalogApiFactory api) : IClassFixture<CatalogApiFactory>
{
    [Fact]
    public void Every_body_the_api_reads_or_writes_uses_build_time_generated_metadata()
    {
        var options = api.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var (requests, responses) = BodiesOfTheApi();
        var bodies = requests.Concat(responses).ToHashSet();

        Assert.NotEmpty(requests);
        Assert.Contains(responses, body => body.Namespace?.StartsWith("Ecommerce.Application", StringComparison.Ordinal) == true);
        var reflected = bodies.Where(body => options.GetTypeInfo(body).OriginatingResolver is not JsonSerializerContext).ToList();
        Assert.True(reflected.Count == 0, $"Serialized by reflection: {string.Join(", ", reflected.Select(type => type.ToString()))}");
    }

    /// <summary>The request bodies the endpoints accept and the response bodies they declare, problem details included.</summary>
    private (HashSet<Type> Requests, HashSet<Type> Responses) BodiesOfTheApi()
    {
        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .ToList();
        Assert.NotEmpty(endpoints);
        var accepted = endpoints.SelectMany(endpoint => endpoint.Metadata.OfType<IAcceptsMetadata>()).Select(accepts => accepts.RequestType);
        var produced = endpoints.SelectMany(endpoint => endpoint.Metadata.OfType<IProducesResponseTypeMetadata>()).Select(produces => produces.Type);
        return ([.. accepted.OfType<Type>()], [.. produced.OfType<Type>().Where(type => type != typeof(void))]);
    }
}
