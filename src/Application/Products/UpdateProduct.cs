namespace Ecommerce.Application.Products;

/// <summary>Replaces a product's fields; an absent slug keeps the current one so links do not break.</summary>
public sealed record UpdateProductCommand(int Id, ProductBody Body, VersionPrecondition? Precondition)
    : ICommand<Result<ProductDto>>, IConditionalWrite, IGeneratesSlug
{
    string? IGeneratesSlug.Slug => Body.Slug;
}

internal sealed class UpdateProductValidator : AbstractValidator<UpdateProductCommand>
{
    public UpdateProductValidator(IValidator<ProductBody> body) => RuleFor(command => command.Body).SetValidator(body);
}

internal sealed class UpdateProductHandler(
    IProductRepository products, ICategoryRepository categories, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<UpdateProductCommand, Result<ProductDto>>
{
    public async ValueTask<Result<ProductDto>> Handle(UpdateProductCommand command, CancellationToken cancellationToken)
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

        var details = command.Body.ToDetails();
        if (await ProductCategoryRule.CheckAsync(categories, details.CategoryId, cancellationToken) is { } invalidCategory)
        {
            return invalidCategory;
        }

        var slug = await SlugChoice.ChooseAsync(command.Body.Slug, details.Name, product.Slug, products.FindSlugsLikeAsync, "Product", cancellationToken);
        if (!slug.IsSuccess)
        {
            return slug.Error;
        }

        product.Update(details, slug.Value, clock.UtcNowForStorage());
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsSaved ? product.ToDto() : saved.ToError("Product");
    }
}
