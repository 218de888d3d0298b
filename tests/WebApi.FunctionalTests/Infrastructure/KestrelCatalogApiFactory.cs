namespace Ecommerce.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// The service behind a real Kestrel listener on a free port, for tests that must see what the HTTP
/// server itself does with a request (the in-memory test server parses requests differently).
/// </summary>
public sealed class KestrelCatalogApiFactory : CatalogApiFactory
{
    public KestrelCatalogApiFactory() => UseKestrel(0);
}
