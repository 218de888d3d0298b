using Ecommerce.Application.Common.Paging;
using Ecommerce.Application.Products;

namespace Ecommerce.Application.Abstractions;

/// <summary>Read-only, untracked product queries projected straight to DTOs.</summary>
public interface IProductReader
{
    Task<ProductDto?> FindActiveAsync(int id, CancellationToken cancellationToken);

    Task<ProductDto?> FindActiveBySlugAsync(string slug, CancellationToken cancellationToken);

    /// <summary>One page of active products matching the query's filter, with the total count.</summary>
    Task<PagedList<ProductDto>> ListAsync(ListProductsQuery query, CancellationToken cancellationToken);
}
