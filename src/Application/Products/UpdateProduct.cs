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

/// <summary>
/// One statement that the database checks (<see cref="IProductWriter"/>): the version in its
/// condition, the slug's unique index, the category rule's trigger. The answers are those of a
/// read-check-write in that order: <c>404</c>, <c>412</c>, an inactive category, a taken slug.
/// </summary>
internal sealed class UpdateProductHandler(IProductWriter writer, TimeProvider clock)
    : ICommandHandler<UpdateProductCommand, Result<ProductDto>>
{
    public async ValueTask<Result<ProductDto>> Handle(UpdateProductCommand command, CancellationToken cancellationToken)
    {
        var requested = command.Body.Slug is { } slug ? Slug.From(slug) : null;
        var revision = Product.Revise(command.Body.ToDetails(), requested, clock.UtcNowForStorage());
        var written = await writer.UpdateAsync(command.Id, revision, command.Precondition, cancellationToken);
        return written switch
        {
            { Row: { } product } => product,
            { Outcome.Refusal: SaveRefusal.UniqueViolation } when requested is not null => SlugErrors.Taken("Product", requested),
            _ => written.Outcome.ToError("Product"),
        };
    }
}
