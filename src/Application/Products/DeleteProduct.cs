namespace Ecommerce.Application.Products;

/// <summary>Deactivates a product; the row stays for orders and history.</summary>
public sealed record DeleteProductCommand(int Id, VersionPrecondition? Precondition)
    : ICommand<Result<Success>>, IConditionalWrite;

internal sealed class DeleteProductHandler(IProductRepository products, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<DeleteProductCommand, Result<Success>>
{
    public async ValueTask<Result<Success>> Handle(DeleteProductCommand command, CancellationToken cancellationToken)
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

        product.Deactivate(clock.UtcNowForStorage());
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsSaved ? Success.Instance : saved.ToError("Product");
    }
}
