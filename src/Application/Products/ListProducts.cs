using Ecommerce.Application.Common.Paging;

namespace Ecommerce.Application.Products;

/// <summary>One page of active products.</summary>
public sealed record ListProductsQuery(
    ProductFilter Filter,
    ProductSort Sort = ProductSort.Name,
    int Page = 1,
    int PageSize = ListProductsQuery.DefaultPageSize) : IQuery<Result<PagedList<ProductDto>>>
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxSearchLength = 200;

    // Each message names the parameter as clients spell it, and also serves WebApi for a value that does not parse.
    public const string SearchLengthMessage = "q is at most 200 characters.";
    public const string PriceRangeMessage = "maxPrice must not be less than minPrice.";
    public const string PageMessage = "page must be a whole number from 1 to 2147483647, in digits only.";
    public const string PageSizeMessage = "pageSize must be a whole number from 1 to 100, in digits only.";

    public static string PriceMessage(string parameter) =>
        $"{parameter} must be a number from 0 to {Product.MaxPrice}, in digits with an optional decimal point (like 12.50).";
}

internal sealed class ListProductsValidator : AbstractValidator<ListProductsQuery>
{
    public ListProductsValidator()
    {
        RuleFor(query => query.Filter).SetValidator(new ProductFilterValidator());
        RuleFor(query => query.Sort).IsInEnum();
        RuleFor(query => query.Page).GreaterThanOrEqualTo(1).WithMessage(ListProductsQuery.PageMessage);
        RuleFor(query => query.PageSize).InclusiveBetween(1, ListProductsQuery.MaxPageSize).WithMessage(ListProductsQuery.PageSizeMessage);
    }
}

internal sealed class ListProductsHandler(IProductReader reader) : IQueryHandler<ListProductsQuery, Result<PagedList<ProductDto>>>
{
    public async ValueTask<Result<PagedList<ProductDto>>> Handle(ListProductsQuery query, CancellationToken cancellationToken) =>
        await reader.ListAsync(
            query with { Filter = query.Filter with { CategorySlug = Trimmed(query.Filter.CategorySlug), Search = Trimmed(query.Filter.Search) } },
            cancellationToken);

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
