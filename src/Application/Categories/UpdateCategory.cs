using Ecommerce.Application.Abstractions;
using Ecommerce.Application.Common;
using Ecommerce.Application.Common.Concurrency;
using Ecommerce.Application.Common.Results;
using Ecommerce.Application.Common.Slugs;
using Mapster;
using Mediator;

namespace Ecommerce.Application.Categories;

/// <summary>Replaces a category's name and parent; an absent slug keeps the current one so links do not break.</summary>
public sealed record UpdateCategoryCommand(int Id, string? Name, string? Slug, int? ParentId, VersionPrecondition? Precondition)
    : ICommand<Result<Saved<CategoryDto>>>, IConditionalWrite, IGeneratesSlug, ICategoryBody;

internal sealed class UpdateCategoryValidator : CategoryBodyValidator<UpdateCategoryCommand>;

internal sealed class UpdateCategoryHandler(ICategoryRepository categories, TimeProvider clock)
    : ICommandHandler<UpdateCategoryCommand, Result<Saved<CategoryDto>>>
{
    public async ValueTask<Result<Saved<CategoryDto>>> Handle(UpdateCategoryCommand command, CancellationToken cancellationToken)
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

        var lineage = await CategoryParentRule.CheckAsync(categories, category, command.ParentId, cancellationToken);
        if (!lineage.IsSuccess)
        {
            return lineage.Error;
        }

        var name = command.Name!.Trim();
        var slug = await SlugChoice.ChooseAsync(command.Slug, name, category.Slug, categories.FindSlugsLikeAsync, "Category", cancellationToken);
        if (!slug.IsSuccess)
        {
            return slug.Error;
        }

        category.Update(name, slug.Value, command.ParentId, lineage.Value, clock.UtcNowForStorage());
        return new Saved<CategoryDto>(() => category.Adapt<CategoryDto>());
    }
}
