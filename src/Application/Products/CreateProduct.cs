namespace Ecommerce.Application.Products;

public sealed record CreateProductCommand(ProductBody Body) : ICommand<Result<ProductDto>>, IGeneratesSlug
{
    string? IGeneratesSlug.Slug => Body.Slug;
}

internal sealed class CreateProductValidator : AbstractValidator<CreateProductCommand>
{
    public CreateProductValidator(IValidator<ProductBody> body) => RuleFor(command => command.Body).SetValidator(body);
}

internal sealed class CreateProductHandler(
    IProductRepository products, ICategoryRepository categories, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<CreateProductCommand, Result<ProductDto>>
{
    public async ValueTask<Result<ProductDto>> Handle(CreateProductCommand command, CancellationToken cancellationToken)
    {
        var details = command.Body.ToDetails();
        if (await ProductCategoryRule.CheckAsync(categories, details.CategoryId, cancellationToken) is { } invalidCategory)
        {
            return invalidCategory;
        }

        var slug = await SlugChoice.ChooseAsync(command.Body.Slug, details.Name, null, products.FindSlugsLikeAsync, "Product", cancellationToken);
        if (!slug.IsSuccess)
        {
            return slug.Error;
        }

        var product = Product.Create(details, slug.Value, clock.UtcNowForStorage());
        products.Add(product);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsSaved ? product.ToDto() : saved.ToError("Product");
    }
}
