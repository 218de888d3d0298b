using Ecommerce.Application.Abstractions;
using Ecommerce.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Infrastructure.Persistence.Categories;

internal sealed class CategoryRepository(CatalogDbContext dbContext) : ICategoryRepository
{
    // Compiled once: every category write, and every product create and update, runs these lookups.
    private static readonly Func<CatalogDbContext, int, CancellationToken, Task<Category?>> ById =
        EF.CompileAsyncQuery((CatalogDbContext context, int id, CancellationToken _) =>
            context.Categories.FirstOrDefault(category => category.Id == id));

    private static readonly Func<CatalogDbContext, int, CancellationToken, Task<bool>> IsActive =
        EF.CompileAsyncQuery((CatalogDbContext context, int id, CancellationToken _) =>
            context.Categories.Any(category => category.Id == id && category.IsActive));

    private static readonly Func<CatalogDbContext, string, CancellationToken, Task<bool>> SlugInUse =
        EF.CompileAsyncQuery((CatalogDbContext context, string slug, CancellationToken _) =>
            context.Categories.Any(category => category.Slug == slug));

    public async Task<Category?> FindAsync(int id, CancellationToken cancellationToken)
    {
        await dbContext.Database.KeepOpenForTheCommandAsync(cancellationToken);
        return await ById(dbContext, id, cancellationToken);
    }

    public async Task<bool> IsActiveAsync(int id, CancellationToken cancellationToken)
    {
        await dbContext.Database.KeepOpenForTheCommandAsync(cancellationToken);
        return await IsActive(dbContext, id, cancellationToken);
    }

    public async Task<IReadOnlyCollection<int>> GetLineageAsync(int id, CancellationToken cancellationToken)
    {
        await dbContext.Database.KeepOpenForTheCommandAsync(cancellationToken);
        // UNION rather than UNION ALL: should a cycle ever reach the table, the walk still ends.
        return await dbContext.Database.SqlQuery<int>($"""
            WITH RECURSIVE lineage AS (
                SELECT id, parent_id FROM categories WHERE id = {id}
                UNION
                SELECT parent.id, parent.parent_id FROM categories parent JOIN lineage child ON parent.id = child.parent_id
            )
            SELECT id AS "Value" FROM lineage
            """).ToListAsync(cancellationToken);
    }

    public async Task<bool> HasActiveChildrenAsync(int id, CancellationToken cancellationToken)
    {
        await dbContext.Database.KeepOpenForTheCommandAsync(cancellationToken);
        return await dbContext.Categories.AnyAsync(category => category.ParentId == id && category.IsActive, cancellationToken);
    }

    public async Task<bool> HasActiveProductsAsync(int id, CancellationToken cancellationToken)
    {
        await dbContext.Database.KeepOpenForTheCommandAsync(cancellationToken);
        return await dbContext.Products.AnyAsync(product => product.CategoryId == id && product.IsActive, cancellationToken);
    }

    public async Task<IReadOnlySet<string>> FindSlugsLikeAsync(Slug slug, CancellationToken cancellationToken)
    {
        await dbContext.Database.KeepOpenForTheCommandAsync(cancellationToken);
        return await SlugQueries.FindTakenAsync(dbContext.Categories, category => category.Slug, slug,
            (value, token) => SlugInUse(dbContext, value, token), cancellationToken);
    }

    public void Add(Category category) => dbContext.Categories.Add(category);
}
