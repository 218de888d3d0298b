namespace Ecommerce.Application.Products;

public sealed record GetProductQuery(int Id) : IQuery<Result<ProductDto>>;

internal sealed class GetProductHandler(IProductReader reader) : IQueryHandler<GetProductQuery, Result<ProductDto>>
{
    public async ValueTask<Result<ProductDto>> Handle(GetProductQuery query, CancellationToken cancellationToken) =>
        await reader.FindActiveAsync(query.Id, cancellationToken) is { } product
            ? product
            : Error.NotFound("Product");
}
