namespace Ecommerce.Application.Products;

/// <summary>Every active product the filter keeps, in the import shape, streamed in id order.</summary>
public sealed record ExportProductsQuery(ProductFilter Filter) : IQuery<Result<IAsyncEnumerable<ImportRow>>>
{
    public const string SearchNotSupportedMessage =
        "Export filters by category, minPrice, maxPrice and inStock; q is not supported here.";
}

internal sealed class ExportProductsValidator : AbstractValidator<ExportProductsQuery>
{
    public ExportProductsValidator(IValidator<ProductFilter> filter)
    {
        RuleFor(query => query.Filter).SetValidator(filter);
        RuleFor(query => query.Filter.Search).Null().WithMessage(ExportProductsQuery.SearchNotSupportedMessage).OverridePropertyName("q");
    }
}

internal sealed class ExportProductsHandler(IProductExportReader reader)
    : IQueryHandler<ExportProductsQuery, Result<IAsyncEnumerable<ImportRow>>>
{
    public ValueTask<Result<IAsyncEnumerable<ImportRow>>> Handle(ExportProductsQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult<Result<IAsyncEnumerable<ImportRow>>>(Result<IAsyncEnumerable<ImportRow>>.Success(reader.ReadAsync(query.Filter, cancellationToken)));
}
