using Ecommerce.Application.Abstractions;
using Ecommerce.Application.Common;
using Ecommerce.Application.Common.Results;
using Ecommerce.Application.Common.Slugs;
using Ecommerce.Domain.Catalog;
using Mapster;
using Mediator;

namespace Ecommerce.Application.Products;

public sealed record CreateProductCommand(
    string? Name,
    string? Slug,
    string? Description,
    decimal? Price,
    string? ImageUrl,
    int? Stock,
    int? CategoryId) : ICommand<Result<Saved<ProductDto>>>, IGeneratesSlug, IProductBody;

internal sealed class CreateProductValidator : ProductBodyValidator<CreateProductCommand>;

internal sealed class CreateProductHandler(IProductRepository products, ICategoryRepository categories, TimeProvider clock)
    : ICommandHandler<CreateProductCommand, Result<Saved<ProductDto>>>
{
    public async ValueTask<Result<Saved<ProductDto>>> Handle(CreateProductCommand command, CancellationToken cancellationToken)
    {
        var details = command.ToDetails();
        if (await ProductCategoryRule.CheckAsync(categories, details.CategoryId, cancellationToken) is { } invalidCategory)
        {
            return invalidCategory;
        }

        var slug = await SlugChoice.ChooseAsync(command.Slug, details.Name, null, products.FindSlugsLikeAsync, "Product", cancellationToken);
        if (!slug.IsSuccess)
        {
            return slug.Error;
        }

        var product = Product.Create(details, slug.Value, clock.UtcNowForStorage());
        products.Add(product);
        return new Saved<ProductDto>(() => product.Adapt<ProductDto>());
    }
}
