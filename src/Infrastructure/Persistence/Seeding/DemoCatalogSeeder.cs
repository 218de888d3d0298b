using Ecommerce.Application.Common;
using Ecommerce.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Infrastructure.Persistence.Seeding;

/// <summary>Fills an empty catalog with <see cref="DemoCatalog"/>, for trying the API locally.</summary>
public sealed class DemoCatalogSeeder(CatalogDbContext dbContext, TimeProvider clock)
{
    /// <returns>Whether anything was added: a catalog with any category is left alone.</returns>
    public async Task<bool> SeedAsync(CancellationToken cancellationToken)
    {
        if (await dbContext.Categories.AnyAsync(cancellationToken))
        {
            return false;
        }

        var now = clock.UtcNowForStorage();
        var productNumber = 0;
        await using var transaction = await dbContext.Database.BeginTransactionAsync(cancellationToken);
        foreach (var root in DemoCatalog.Roots)
        {
            await AddAsync(root, parentId: null);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;

        async Task AddAsync(DemoCatalog.Node node, int? parentId)
        {
            var category = Category.Create(node.Name, Slug.FromName(node.Name), parentId, now);
            dbContext.Categories.Add(category);
            await dbContext.SaveChangesAsync(cancellationToken);

            foreach (var name in node.Products)
            {
                productNumber++;
                var details = new ProductDetails(
                    name,
                    $"{name}: a demo product in {node.Name}.",
                    Price: 9.90m + (productNumber * 37 % 200 * 10),
                    ImageUrl: $"https://cdn.example.com/products/{productNumber}.png",
                    Stock: productNumber % 7 == 0 ? 0 : productNumber % 25,
                    CategoryId: category.Id);
                dbContext.Products.Add(Product.Create(details, Slug.FromName(name), now));
            }

            await dbContext.SaveChangesAsync(cancellationToken);
            foreach (var child in node.Children)
            {
                await AddAsync(child, category.Id);
            }
        }
    }
}
