namespace Ecommerce.Application.Abstractions;

/// <summary>Loads products for commands; changes are saved by <see cref="IUnitOfWork"/>, new and replaced products written by <see cref="IProductWriter"/>.</summary>
public interface IProductRepository
{
    /// <summary>The tracked product, active or not.</summary>
    Task<Product?> FindAsync(int id, CancellationToken cancellationToken);

    /// <summary>Slugs equal to <paramref name="slug"/> or to it with a <c>-N</c> suffix, of any product.</summary>
    Task<IReadOnlySet<string>> FindSlugsLikeAsync(Slug slug, CancellationToken cancellationToken);
}
