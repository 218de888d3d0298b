using Ecommerce.Application.Products;

namespace Ecommerce.Application.Abstractions;

/// <summary>Reads every active product that a filter keeps, in id order, a batch at a time.</summary>
public interface IProductExportReader
{
    /// <summary>The filter's <see cref="ProductFilter.Search"/> is not supported: the caller refuses it before.</summary>
    IAsyncEnumerable<ImportRow> ReadAsync(ProductFilter filter, CancellationToken cancellationToken);
}
