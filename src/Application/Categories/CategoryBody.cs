using Ecommerce.Application.Common.Validation;

namespace Ecommerce.Application.Categories;

/// <summary>
/// A category's writable fields: the body a client sends to create or replace a category, and what
/// the commands carry. Every field may be missing here, so that the validator names what is.
/// </summary>
public sealed record CategoryBody(string? Name, string? Slug, int? ParentId);

internal sealed class CategoryBodyValidator : AbstractValidator<CategoryBody>
{
    public CategoryBodyValidator()
    {
        RuleFor(body => body.Name).ValidName(Category.MaxNameLength);
        RuleFor(body => body.Slug).ValidSlug();
        RuleFor(body => body.ParentId).ValidId();
    }
}
