namespace Ecommerce.Application.Products;

public sealed record CreateProductCommand(ProductBody Body) : ICommand<Result<ProductDto>>, IGeneratesSlug
{
    string? IGeneratesSlug.Slug => Body.Slug;
}

internal sealed class CreateProductValidator : AbstractValidator<CreateProductCommand>
{
    public CreateProductValidator(IValidator<ProductBody> body) => RuleFor(command => command.Body).SetValidator(body);
}

/// <summary>
/// Writes first and lets the database refuse (<see cref="IProductWriter"/>): one statement for a
/// create whose slug is free. Only a slug made from the name that is taken costs the lookup that
/// picks the first free <c>-2</c>, <c>-3</c>, ... and a second insert.
/// </summary>
internal sealed class CreateProductHandler(IProductWriter writer, IProductRepository products, TimeProvider clock)
    : ICommandHandler<CreateProductCommand, Result<ProductDto>>
{
    public async ValueTask<Result<ProductDto>> Handle(CreateProductCommand command, CancellationToken cancellationToken)
    {
        var details = command.Body.ToDetails();
        var now = clock.UtcNowForStorage();
        var requested = command.Body.Slug is { } slug ? Slug.From(slug) : null;
        var generated = Slug.FromName(details.Name);
        var product = Product.Create(details, requested ?? generated, now);
        var written = await writer.InsertAsync(product, cancellationToken);
        if (written.Outcome.Refusal == SaveRefusal.UniqueViolation && requested is null)
        {
            var free = SlugAllocator.FirstFree(generated, await products.FindSlugsLikeAsync(generated, cancellationToken));
            product = Product.Create(details, free, now);
            written = await writer.InsertAsync(product, cancellationToken);
        }

        return written switch
        {
            { Row: { } keys } => product.ToDto() with { Id = keys.Id, Version = keys.Version },
            { Outcome.Refusal: SaveRefusal.UniqueViolation } when requested is not null => SlugErrors.Taken("Product", requested),
            _ => written.Outcome.ToError("Product"),
        };
    }
}
