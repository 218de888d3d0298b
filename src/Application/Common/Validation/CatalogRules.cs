using Ecommerce.Domain.Catalog;
using FluentValidation;

namespace Ecommerce.Application.Common.Validation;

/// <summary>Field rules shared by the catalog's commands, worded for API clients.</summary>
public static class CatalogRules
{
    public static IRuleBuilderOptions<T, string?> ValidName<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("A name is required.")
            .Must(name => name is null || name.Trim().Length <= maxLength).WithMessage($"A name is at most {maxLength} characters.")
            .Must(name => name is null || !name.Any(char.IsControl)).WithMessage("A name cannot contain control characters.");

    /// <summary>Free text may break lines, but PostgreSQL stores no NUL and other control characters only confuse.</summary>
    public static IRuleBuilderOptions<T, string?> PlainText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => text is null || !text.Any(character => char.IsControl(character) && character is not ('\n' or '\r' or '\t')))
            .WithMessage("Text cannot contain control characters other than line breaks and tabs.");

    public static IRuleBuilderOptions<T, string?> NoControlCharacters<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => text is null || !text.Any(char.IsControl)).WithMessage("The value cannot contain control characters.");

    public static IRuleBuilderOptions<T, string?> ValidSlug<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(slug => slug is null || Slug.IsValid(slug))
            .WithMessage($"A slug is lowercase letters and digits in words joined by single hyphens ({Slug.Pattern}), at most {Slug.MaxLength} characters.");

    public static IRuleBuilderOptions<T, int?> ValidId<T>(this IRuleBuilder<T, int?> rule) =>
        rule.Must(id => id is null or > 0).WithMessage("An id is a positive whole number.");
}
