namespace Ecommerce.WebApi.FunctionalTests.Security;

/// <summary>Every write route of the API, with a body that passes validation where one is needed.</summary>
internal static class WriteRoutes
{
    public static readonly (string Method, string Path, string? Body)[] All =
    [
        ("POST", "/api/v1/categories", "{\"name\":\"Guarded\"}"),
        ("PUT", "/api/v1/categories/{category}", "{\"name\":\"Guarded\"}"),
        ("DELETE", "/api/v1/categories/{empty}", null),
        ("POST", "/api/v1/products", "{\"name\":\"Guarded\",\"price\":1,\"stock\":1,\"categoryId\":{category}}"),
        ("PUT", "/api/v1/products/{product}", "{\"name\":\"Guarded\",\"price\":1,\"stock\":1,\"categoryId\":{category}}"),
        ("DELETE", "/api/v1/products/{product}", null),
    ];
}
