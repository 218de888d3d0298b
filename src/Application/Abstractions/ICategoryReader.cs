using Ecommerce.Application.Categories;

namespace Ecommerce.Application.Abstractions;

/// <summary>Read-only, untracked category queries projected straight to DTOs.</summary>
public interface ICategoryReader
{
    Task<CategoryDto?> FindActiveAsync(int id, CancellationToken cancellationToken);

    Task<CategoryDto?> FindActiveBySlugAsync(string slug, CancellationToken cancellationToken);

    /// <summary>All active categories, ordered by name.</summary>
    Task<IReadOnlyList<CategoryDto>> ListActiveAsync(CancellationToken cancellationToken);
}
