using Ecommerce.Application.Abstractions;
using Ecommerce.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Infrastructure.Persistence.Products;

internal sealed class ProductRepository(CatalogDbContext dbContext) : IProductRepository
{
    public Task<Product?> FindAsync(int id, CancellationToken cancellationToken) =>
        dbContext.Products.FirstOrDefaultAsync(product => product.Id == id, cancellationToken);

    public Task<IReadOnlySet<string>> FindSlugsLikeAsync(Slug slug, CancellationToken cancellationToken) =>
        SlugQueries.FindTakenAsync(dbContext.Products, product => product.Slug, slug, cancellationToken);

    public void Add(Product product) => dbContext.Products.Add(product);
}
