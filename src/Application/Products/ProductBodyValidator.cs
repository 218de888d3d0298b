using Ecommerce.Application.Common.Validation;
using Ecommerce.Domain.Catalog;
using FluentValidation;

namespace Ecommerce.Application.Products;

/// <summary>The field rules of a product body, shared by create and update.</summary>
internal abstract class ProductBodyValidator<T> : AbstractValidator<T>
    where T : IProductBody
{
    protected ProductBodyValidator()
    {
        RuleFor(body => body.Name).ValidName(Product.MaxNameLength);
        RuleFor(body => body.Slug).ValidSlug();
        RuleFor(body => body.Description)
            .Must(description => description is null || description.Trim().Length <= Product.MaxDescriptionLength)
            .WithMessage($"A description is at most {Product.MaxDescriptionLength} characters.")
            .PlainText();
        RuleFor(body => body.Price)
            .NotNull().WithMessage("A price is required.")
            .Must(price => price is null || Product.IsValidPrice(price.Value))
            .WithMessage($"A price is from 0 to {Product.MaxPrice} with at most {Product.PriceScale} decimals.");
        RuleFor(body => body.ImageUrl)
            .Must(url => string.IsNullOrWhiteSpace(url) || Product.IsValidImageUrl(url.Trim()))
            .WithMessage($"An image URL is an absolute http or https URL of at most {Product.MaxImageUrlLength} characters.")
            .NoControlCharacters();
        RuleFor(body => body.Stock)
            .NotNull().WithMessage("A stock is required.")
            .Must(stock => stock is null or >= 0).WithMessage("Stock cannot be negative.");
        RuleFor(body => body.CategoryId)
            .NotNull().WithMessage("A category id is required.")
            .ValidId();
    }
}

internal static class ProductBodyExtensions
{
    public static ProductDetails ToDetails(this IProductBody body) =>
        new(body.Name!, body.Description, body.Price!.Value, body.ImageUrl, body.Stock!.Value, body.CategoryId!.Value);
}
