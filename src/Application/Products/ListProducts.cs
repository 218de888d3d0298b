using Ecommerce.Application.Abstractions;
using Ecommerce.Application.Common.Paging;
using Ecommerce.Application.Common.Results;
using Ecommerce.Application.Common.Validation;
using Ecommerce.Domain.Catalog;
using FluentValidation;
using Mediator;

namespace Ecommerce.Application.Products;

/// <summary>
/// One page of active products. The values arrive as the client typed them, so that a value that
/// does not parse is reported against its own parameter name.
/// </summary>
public sealed record ListProductsQuery(
    string? Category = null,
    string? Q = null,
    string? MinPrice = null,
    string? MaxPrice = null,
    string? InStock = null,
    string? Sort = null,
    string? Page = null,
    string? PageSize = null) : IQuery<Result<PagedList<ProductDto>>>;

internal sealed class ListProductsValidator : AbstractValidator<ListProductsQuery>
{
    public ListProductsValidator()
    {
        RuleFor(query => query.Q).MaximumLength(ProductListParameters.MaxSearchLength)
            .WithMessage($"q is at most {ProductListParameters.MaxSearchLength} characters.")
            .NoControlCharacters();
        RuleFor(query => query.MinPrice).Must(BeAPrice).WithMessage(PriceMessage("minPrice"));
        RuleFor(query => query.MaxPrice).Must(BeAPrice).WithMessage(PriceMessage("maxPrice"));
        RuleFor(query => query.MaxPrice)
            .Must((query, _) => !ProductListParameters.TryParsePrice(query.MinPrice, out var min)
                || !ProductListParameters.TryParsePrice(query.MaxPrice, out var max)
                || min is null || max is null || min <= max)
            .WithMessage("maxPrice must not be less than minPrice.");
        RuleFor(query => query.InStock).Must(value => ProductListParameters.TryParseBool(value, out _))
            .WithMessage("inStock must be true or false.");
        RuleFor(query => query.Sort).Must(value => ProductListParameters.TryParseSort(value, out _))
            .WithMessage($"sort must be one of {string.Join(", ", ProductListParameters.Sorts.Keys)}.");
        RuleFor(query => query.Page).Must(value => ProductListParameters.TryParseInt(value, 1, out var page) && page >= 1)
            .WithMessage($"page must be a whole number from 1 to {int.MaxValue}, in digits only.");
        RuleFor(query => query.PageSize)
            .Must(value => ProductListParameters.TryParseInt(value, ProductListParameters.DefaultPageSize, out var size)
                && size is >= 1 and <= ProductListParameters.MaxPageSize)
            .WithMessage($"pageSize must be a whole number from 1 to {ProductListParameters.MaxPageSize}, in digits only.");
    }

    private static string PriceMessage(string parameter) =>
        $"{parameter} must be a number from 0 to {Product.MaxPrice}, in digits with an optional decimal point (like 12.50).";

    private static bool BeAPrice(string? value) =>
        ProductListParameters.TryParsePrice(value, out var price) && price is null or (>= 0 and <= Product.MaxPrice);
}

internal sealed class ListProductsHandler(IProductReader reader) : IQueryHandler<ListProductsQuery, Result<PagedList<ProductDto>>>
{
    public async ValueTask<Result<PagedList<ProductDto>>> Handle(ListProductsQuery query, CancellationToken cancellationToken) =>
        await reader.ListAsync(ProductListParameters.ToCriteria(query), cancellationToken);
}
