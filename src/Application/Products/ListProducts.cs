using Ecommerce.Application.Common.Paging;

namespace Ecommerce.Application.Products;

/// <summary>
/// One page of active products: the <paramref name="Page"/>-th by offset, or the one that follows
/// the cursor <paramref name="After"/> (then <paramref name="Page"/> is null).
/// </summary>
public sealed record ListProductsQuery(
    ProductFilter Filter,
    ProductSort Sort = ProductSort.Name,
    int? Page = 1,
    int PageSize = ListProductsQuery.DefaultPageSize,
    ProductCursor? After = null) : IQuery<Result<PagedList<ProductDto>>>
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxSearchLength = 200;

    // Each message names the parameter as clients spell it, and also serves WebApi for a value that does not parse.
    public const string SearchLengthMessage = "q is at most 200 characters.";
    public const string PriceRangeMessage = "maxPrice must not be less than minPrice.";
    public const string PageMessage = "page must be a whole number from 1 to 2147483647, in digits only.";
    public const string PageSizeMessage = "pageSize must be a whole number from 1 to 100, in digits only.";
    public const string RelevanceMessage = "sort=relevance orders the matches of a search: give q, or choose another sort.";
    public const string CursorMessage =
        "after is not a cursor of this list: pass the after of a page's next link unchanged, with the same sort and q.";
    public const string CursorWithPageMessage = "after continues after a cursor and cannot be combined with page: send one of them.";

    public static readonly string DeepPageMessage =
        $"Offset paging covers the first {PagedList<ProductDto>.TotalCap:N0} products, and this page starts beyond them: "
        + "follow the next link of the pages before it (the cursor in after) to read further.";

    public static string PriceMessage(string parameter) =>
        $"{parameter} must be a number from 0 to {Product.MaxPrice}, in digits with an optional decimal point (like 12.50).";

    /// <summary>Rows the offset page skips.</summary>
    public long Skip => ((long)(Page ?? 1) - 1) * PageSize;
}

internal sealed class ListProductsValidator : AbstractValidator<ListProductsQuery>
{
    public ListProductsValidator()
    {
        RuleFor(query => query.Filter).SetValidator(new ProductFilterValidator());
        RuleFor(query => query.Sort).IsInEnum()
            .Must((query, sort) => sort != ProductSort.Relevance || !string.IsNullOrWhiteSpace(query.Filter.Search))
            .WithMessage(ListProductsQuery.RelevanceMessage);
        RuleFor(query => query.PageSize).InclusiveBetween(1, ListProductsQuery.MaxPageSize).WithMessage(ListProductsQuery.PageSizeMessage);
        RuleFor(query => query.Page).Cascade(CascadeMode.Stop)
            .GreaterThanOrEqualTo(1).WithMessage(ListProductsQuery.PageMessage)
            .Must((query, _) => query.Skip < PagedList<ProductDto>.TotalCap).WithMessage(ListProductsQuery.DeepPageMessage);
        RuleFor(query => query.After).Cascade(CascadeMode.Stop)
            .Must((query, _) => query.Page is null).WithMessage(ListProductsQuery.CursorWithPageMessage)
            .Must((query, after) => after!.Continues(query.Sort, query.Filter.Search)).WithMessage(ListProductsQuery.CursorMessage)
            .When(query => query.After is not null);
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
