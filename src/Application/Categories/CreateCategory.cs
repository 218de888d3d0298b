using Ecommerce.Application.Abstractions;
using Ecommerce.Application.Common;
using Ecommerce.Application.Common.Results;
using Ecommerce.Application.Common.Slugs;
using Ecommerce.Domain.Catalog;
using Mapster;
using Mediator;

namespace Ecommerce.Application.Categories;

public sealed record CreateCategoryCommand(string? Name, string? Slug, int? ParentId)
    : ICommand<Result<Saved<CategoryDto>>>, IGeneratesSlug, ICategoryBody;

internal sealed class CreateCategoryValidator : CategoryBodyValidator<CreateCategoryCommand>;

internal sealed class CreateCategoryHandler(ICategoryRepository categories, TimeProvider clock)
    : ICommandHandler<CreateCategoryCommand, Result<Saved<CategoryDto>>>
{
    public async ValueTask<Result<Saved<CategoryDto>>> Handle(CreateCategoryCommand command, CancellationToken cancellationToken)
    {
        var parent = await CategoryParentRule.CheckAsync(categories, null, command.ParentId, cancellationToken);
        if (!parent.IsSuccess)
        {
            return parent.Error;
        }

        var name = command.Name!.Trim();
        var slug = await SlugChoice.ChooseAsync(command.Slug, name, null, categories.FindSlugsLikeAsync, "Category", cancellationToken);
        if (!slug.IsSuccess)
        {
            return slug.Error;
        }

        var category = Category.Create(name, slug.Value, command.ParentId, clock.UtcNowForStorage());
        categories.Add(category);
        return new Saved<CategoryDto>(() => category.Adapt<CategoryDto>());
    }
}
