using Ecommerce.WebApi.Hosting;

namespace Ecommerce.WebApi.Endpoints;

public static class CatalogApi
{
    public const string Prefix = "/api/v1";

    /// <summary>
    /// The route group for writes (POST, PUT, DELETE): the one place where the catalog-write
    /// authorization policy is applied.
    /// </summary>
    public static RouteGroupBuilder MapWrites(this RouteGroupBuilder group) =>
        group.MapGroup(string.Empty)
            .RequireAuthorization(Security.CatalogWriterPolicy)
            .RequireRateLimiting(Security.WritesRateLimit)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).RequireRateLimiting(Security.ReadsRateLimit);
        api.MapCategoryEndpoints();
        api.MapProductEndpoints();
        api.MapProductBulkEndpoints();
        return app;
    }
}
