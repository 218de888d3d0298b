using Ecommerce.Application.Abstractions;
using Ecommerce.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Infrastructure.Persistence.Products;

internal sealed class ProductRepository(CatalogDbContext dbContext) : IProductRepository
{
    // Compiled once: every create and update runs these lookups.
    private static readonly Func<CatalogDbContext, int, CancellationToken, Task<Product?>> ById =
        EF.CompileAsyncQuery((CatalogDbContext context, int id, CancellationToken _) =>
            context.Products.FirstOrDefault(product => product.Id == id));

    private static readonly Func<CatalogDbContext, string, CancellationToken, Task<bool>> SlugInUse =
        EF.CompileAsyncQuery((CatalogDbContext context, string slug, CancellationToken _) =>
            context.Products.Any(product => product.Slug == slug));

    public async Task<Product?> FindAsync(int id, CancellationToken cancellationToken)
    {
        await dbContext.Database.KeepOpenForTheCommandAsync(cancellationToken);
        return await ById(dbContext, id, cancellationToken);
    }

    public async Task<IReadOnlySet<string>> FindSlugsLikeAsync(Slug slug, CancellationToken cancellationToken)
    {
        await dbContext.Database.KeepOpenForTheCommandAsync(cancellationToken);
        return await SlugQueries.FindTakenAsync(dbContext.Products, product => product.Slug, slug,
            (value, token) => SlugInUse(dbContext, value, token), cancellationToken);
    }
}
