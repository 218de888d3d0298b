namespace Ecommerce.Application.Categories;

/// <summary>Replaces a category's name and parent; an absent slug keeps the current one so links do not break.</summary>
public sealed record UpdateCategoryCommand(int Id, CategoryBody Body, VersionPrecondition? Precondition)
    : ICommand<Result<CategoryDto>>, IConditionalWrite, IGeneratesSlug
{
    string? IGeneratesSlug.Slug => Body.Slug;
}

internal sealed class UpdateCategoryValidator : AbstractValidator<UpdateCategoryCommand>
{
    public UpdateCategoryValidator(IValidator<CategoryBody> body) => RuleFor(command => command.Body).SetValidator(body);
}

internal sealed class UpdateCategoryHandler(ICategoryRepository categories, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<UpdateCategoryCommand, Result<CategoryDto>>
{
    public async ValueTask<Result<CategoryDto>> Handle(UpdateCategoryCommand command, CancellationToken cancellationToken)
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

        var lineage = await CategoryParentRule.CheckAsync(categories, category, command.Body.ParentId, cancellationToken);
        if (!lineage.IsSuccess)
        {
            return lineage.Error;
        }

        var name = command.Body.Name!.Trim();
        var slug = await SlugChoice.ChooseAsync(command.Body.Slug, name, category.Slug, categories.FindSlugsLikeAsync, "Category", cancellationToken);
        if (!slug.IsSuccess)
        {
            return slug.Error;
        }

        category.Update(name, slug.Value, command.Body.ParentId, lineage.Value, clock.UtcNowForStorage());
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsSaved ? category.ToDto() : saved.ToError("Category");
    }
}
