using System.Text.Json.Serialization;
using Ecommerce.Application.Common.Serialization;
using Ecommerce.Application.Common.Validation;

namespace Ecommerce.Application.Products;

/// <summary>
/// A product's writable fields: the body a client sends to create or replace a product, and what
/// the commands carry. Every field may be missing here, so that the validator, not the JSON
/// binder, names what is.
/// </summary>
public sealed record ProductBody(
    string? Name,
    string? Slug,
    string? Description,
    [property: JsonConverter(typeof(ExactDecimalConverter))] decimal? Price,
    string? ImageUrl,
    int? Stock,
    int? CategoryId);

internal sealed class ProductBodyValidator : AbstractValidator<ProductBody>
{
    public ProductBodyValidator()
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
