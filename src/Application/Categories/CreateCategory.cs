namespace Ecommerce.Application.Categories;

public sealed record CreateCategoryCommand(CategoryBody Body) : ICommand<Result<CategoryDto>>, IGeneratesSlug
{
    string? IGeneratesSlug.Slug => Body.Slug;
}

internal sealed class CreateCategoryValidator : AbstractValidator<CreateCategoryCommand>
{
    public CreateCategoryValidator(IValidator<CategoryBody> body) => RuleFor(command => command.Body).SetValidator(body);
}

internal sealed class CreateCategoryHandler(ICategoryRepository categories, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<CreateCategoryCommand, Result<CategoryDto>>
{
    public async ValueTask<Result<CategoryDto>> Handle(CreateCategoryCommand command, CancellationToken cancellationToken)
    {
        var parent = await CategoryParentRule.CheckAsync(categories, null, command.Body.ParentId, cancellationToken);
        if (!parent.IsSuccess)
        {
            return parent.Error;
        }

        var name = command.Body.Name!.Trim();
        var slug = await SlugChoice.ChooseAsync(command.Body.Slug, name, null, categories.FindSlugsLikeAsync, "Category", cancellationToken);
        if (!slug.IsSuccess)
        {
            return slug.Error;
        }

        var category = Category.Create(name, slug.Value, command.Body.ParentId, clock.UtcNowForStorage());
        categories.Add(category);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsSaved ? category.ToDto() : saved.ToError("Category");
    }
}
