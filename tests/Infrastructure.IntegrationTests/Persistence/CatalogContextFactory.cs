namespace Ecommerce.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// Hands the readers a new context per call, as the pooled factory does in the service, and lets a
/// test watch each context it creates.
/// </summary>
internal sealed class CatalogContextFactory(Func<CatalogDbContext> create, Action<CatalogDbContext>? onCreated = null)
    : IDbContextFactory<CatalogDbContext>
{
    public CatalogDbContext CreateDbContext()
    {
        var context = create();
        onCreated?.Invoke(context);
        return context;
    }
}
