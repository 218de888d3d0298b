namespace Ecommerce.Application.Abstractions;

/// <summary>Loads and adds categories for commands; changes are saved by <see cref="IUnitOfWork"/>.</summary>
public interface ICategoryRepository
{
    /// <summary>The tracked category, active or not.</summary>
    Task<Category?> FindAsync(int id, CancellationToken cancellationToken);

    Task<bool> IsActiveAsync(int id, CancellationToken cancellationToken);

    /// <summary>The category and all of its ancestors, in one recursive query.</summary>
    Task<IReadOnlyCollection<int>> GetLineageAsync(int id, CancellationToken cancellationToken);

    Task<bool> HasActiveChildrenAsync(int id, CancellationToken cancellationToken);

    Task<bool> HasActiveProductsAsync(int id, CancellationToken cancellationToken);

    /// <summary>Slugs equal to <paramref name="slug"/> or to it with a <c>-N</c> suffix, of any category.</summary>
    Task<IReadOnlySet<string>> FindSlugsLikeAsync(Slug slug, CancellationToken cancellationToken);

    void Add(Category category);
}
