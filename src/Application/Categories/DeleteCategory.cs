using Ecommerce.Application.Common.Rules;

namespace Ecommerce.Application.Categories;

/// <summary>Deactivates a category; refused while it still has active subcategories or products.</summary>
public sealed record DeleteCategoryCommand(int Id, VersionPrecondition? Precondition)
    : ICommand<Result<Success>>, IConditionalWrite;

internal sealed class DeleteCategoryHandler(ICategoryRepository categories, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<DeleteCategoryCommand, Result<Success>>
{
    public async ValueTask<Result<Success>> Handle(DeleteCategoryCommand command, CancellationToken cancellationToken)
    {
        var category = await categories.FindAsync(command.Id, cancellationToken);
        if (category is not { IsActive: true })
        {
            return Error.NotFound("Category");
        }

        if (command.Precondition?.IsSatisfiedBy(category.Version) == false)
        {
            return Error.PreconditionFailed("Category");
        }

        if (await categories.HasActiveChildrenAsync(category.Id, cancellationToken))
        {
            return CatalogRuleErrors.For(CatalogRule.NoActiveSubcategoriesUnderInactive);
        }

        if (await categories.HasActiveProductsAsync(category.Id, cancellationToken))
        {
            return CatalogRuleErrors.For(CatalogRule.NoActiveProductsUnderInactive);
        }

        category.Deactivate(clock.UtcNowForStorage());
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsSaved ? Success.Instance : saved.ToError("Category");
    }
}
