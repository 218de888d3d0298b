namespace Ecommerce.WebApi.Endpoints;

public static class CatalogApi
{
    public const string Prefix = "/api/v1";

    /// <summary>
    /// The route group for writes (POST, PUT, DELETE): the one place where the catalog-write
    /// authorization policy is applied.
    /// </summary>
    public static RouteGroupBuilder MapWrites(this RouteGroupBuilder group) => group.MapGroup(string.Empty);

    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix);
        api.MapCategoryEndpoints();
        api.MapProductEndpoints();
        return app;
    }
}
