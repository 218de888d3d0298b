using Ecommerce.Application.Common.Validation;
using Ecommerce.Domain.Catalog;
using FluentValidation;

namespace Ecommerce.Application.Categories;

/// <summary>The field rules of a category body, shared by create and update.</summary>
internal abstract class CategoryBodyValidator<T> : AbstractValidator<T>
    where T : ICategoryBody
{
    protected CategoryBodyValidator()
    {
        RuleFor(body => body.Name).ValidName(Category.MaxNameLength);
        RuleFor(body => body.Slug).ValidSlug();
        RuleFor(body => body.ParentId).ValidId();
    }
}
