using System.Globalization;

namespace Ecommerce.Application.Common.Validation;

/// <summary>Field rules shared by the catalog's commands, worded for API clients.</summary>
public static class CatalogRules
{
    public const string MalformedTextMessage =
        "The value is not valid Unicode: it holds a lone surrogate (an unpaired \\uD800-\\uDFFF), which cannot be stored.";

    public static IRuleBuilderOptions<T, string?> ValidName<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.Must(HasVisibleCharacter).WithMessage("A name is required.")
            .Must(name => name is null || name.Trim().Length <= maxLength).WithMessage($"A name is at most {maxLength} characters.")
            .Must(name => name is null || !name.Any(char.IsControl)).WithMessage("A name cannot contain control characters.")
            .WellFormedUnicode();

    /// <summary>Free text may break lines, but PostgreSQL stores no NUL and other control characters only confuse.</summary>
    public static IRuleBuilderOptions<T, string?> PlainText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => text is null || !text.Any(character => char.IsControl(character) && character is not ('\n' or '\r' or '\t')))
            .WithMessage("Text cannot contain control characters other than line breaks and tabs.")
            .WellFormedUnicode();

    public static IRuleBuilderOptions<T, string?> NoControlCharacters<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => text is null || !text.Any(char.IsControl)).WithMessage("The value cannot contain control characters.")
            .WellFormedUnicode();

    /// <summary>
    /// System.Text.Json and the query string hand over any UTF-16, but PostgreSQL stores UTF-8, into which
    /// a lone surrogate does not encode: refused here, it is a 400 on its field rather than a failed write.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> WellFormedUnicode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => text is null || IsWellFormedUtf16(text)).WithMessage(MalformedTextMessage);

    public static IRuleBuilderOptions<T, string?> ValidSlug<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(slug => slug is null || Slug.IsValid(slug))
            .WithMessage($"A slug is lowercase letters and digits in words joined by single hyphens ({Slug.Pattern}), at most {Slug.MaxLength} characters.");

    public static IRuleBuilderOptions<T, int?> ValidId<T>(this IRuleBuilder<T, int?> rule) =>
        rule.Must(id => id is null or > 0).WithMessage("An id is a positive whole number.");

    public static bool IsWellFormedUtf16(string text)
    {
        for (var index = 0; index < text.Length; index++)
        {
            if (char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                index++;
            }
            else if (char.IsSurrogate(text[index]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Spaces, zero-width and other format characters alone do not make a name.</summary>
    private static bool HasVisibleCharacter(string? name) =>
        name is not null && name.Any(character => !char.IsWhiteSpace(character)
            && CharUnicodeInfo.GetUnicodeCategory(character) is not (UnicodeCategory.Format or UnicodeCategory.Control));
}
