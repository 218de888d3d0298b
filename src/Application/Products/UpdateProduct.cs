using Ecommerce.Application.Abstractions;
using Ecommerce.Application.Common;
using Ecommerce.Application.Common.Concurrency;
using Ecommerce.Application.Common.Results;
using Ecommerce.Application.Common.Slugs;
using Mapster;
using Mediator;

namespace Ecommerce.Application.Products;

/// <summary>Replaces a product's fields; an absent slug keeps the current one so links do not break.</summary>
public sealed record UpdateProductCommand(
    int Id,
    string? Name,
    string? Slug,
    string? Description,
    decimal? Price,
    string? ImageUrl,
    int? Stock,
    int? CategoryId,
    VersionPrecondition? Precondition) : ICommand<Result<Saved<ProductDto>>>, IConditionalWrite, IGeneratesSlug, IProductBody;

internal sealed class UpdateProductValidator : ProductBodyValidator<UpdateProductCommand>;

internal sealed class UpdateProductHandler(IProductRepository products, ICategoryRepository categories, TimeProvider clock)
    : ICommandHandler<UpdateProductCommand, Result<Saved<ProductDto>>>
{
    public async ValueTask<Result<Saved<ProductDto>>> Handle(UpdateProductCommand command, CancellationToken cancellationToken)
    {
        var product = await products.FindAsync(command.Id, cancellationToken);
        if (product is not { IsActive: true })
        {
            return Error.NotFound("Product");
        }

        if (command.Precondition?.IsSatisfiedBy(product.Version) == false)
        {
            return Error.PreconditionFailed("Product");
        }

        var details = command.ToDetails();
        if (await ProductCategoryRule.CheckAsync(categories, details.CategoryId, cancellationToken) is { } invalidCategory)
        {
            return invalidCategory;
        }

        var slug = await SlugChoice.ChooseAsync(command.Slug, details.Name, product.Slug, products.FindSlugsLikeAsync, "Product", cancellationToken);
        if (!slug.IsSuccess)
        {
            return slug.Error;
        }

        product.Update(details, slug.Value, clock.UtcNowForStorage());
        return new Saved<ProductDto>(() => product.Adapt<ProductDto>());
    }
}
