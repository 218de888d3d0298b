namespace Ecommerce.Application.Products;

public sealed record GetProductBySlugQuery(string Slug) : IQuery<Result<ProductDto>>;

internal sealed class GetProductBySlugHandler(IProductReader reader) : IQueryHandler<GetProductBySlugQuery, Result<ProductDto>>
{
    public async ValueTask<Result<ProductDto>> Handle(GetProductBySlugQuery query, CancellationToken cancellationToken) =>
        Domain.Catalog.Slug.IsValid(query.Slug) && await reader.FindActiveBySlugAsync(query.Slug, cancellationToken) is { } product
            ? product
            : Error.NotFound("Product");
}
