using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;
using AnyAscii;
using Ecommerce.Domain.Common;

namespace Ecommerce.Domain.Catalog;

/// <summary>A URL-safe identifier: lowercase ASCII words joined by single hyphens.</summary>
public sealed partial record Slug
{
    public const int MaxLength = 120;

    /// <summary>
    /// A slug made from a name leaves room for a suffix of "-" and up to seven digits, so that
    /// <see cref="WithSuffix"/> never cuts it: a suffixed slug is always <c>base-N</c>, the shape by
    /// which the taken ones are found.
    /// </summary>
    public const int MaxGeneratedLength = MaxLength - 8;
    /// <summary>The rule as the contract and error messages spell it.</summary>
    public const string Pattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

    // What is matched: in .NET, $ also matches before a final newline, so "phone\n" would pass Pattern.
    private const string WholeValuePattern = @"\A[a-z0-9]+(?:-[a-z0-9]+)*\z";

    /// <summary>Used when a name has no letter or digit that survives transliteration.</summary>
    public const string Fallback = "item";

    private Slug(string value) => Value = value;

    public string Value { get; }

    public static bool IsValid([NotNullWhen(true)] string? value) =>
        value is { Length: > 0 and <= MaxLength } && SlugPattern().IsMatch(value);

    public static Slug From(string value) =>
        IsValid(value) ? new Slug(value) : throw new DomainRuleException($"'{value}' is not a valid slug.");

    /// <summary>Makes a slug from a human name: <c>Смартфоны</c> gives <c>smartfony</c>.</summary>
    public static Slug FromName(string name)
    {
        var ascii = name.Transliterate().ToLowerInvariant();
        var builder = new StringBuilder(ascii.Length);
        foreach (var character in ascii)
        {
            if (char.IsAsciiLetterOrDigit(character))
            {
                builder.Append(character);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = Truncate(builder.ToString().Trim('-'), MaxGeneratedLength);
        return new Slug(slug.Length > 0 ? slug : Fallback);
    }

    /// <summary>
    /// The slug with a numeric suffix (<c>phone</c>, 2 gives <c>phone-2</c>), shortening the
    /// base so that the result still fits <see cref="MaxLength"/>.
    /// </summary>
    public Slug WithSuffix(int number)
    {
        if (number < 2)
        {
            throw new DomainRuleException("A slug suffix starts at 2.");
        }

        var suffix = "-" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new Slug(Truncate(Value, MaxLength - suffix.Length) + suffix);
    }

    public override string ToString() => Value;

    private static string Truncate(string value, int maxLength) =>
        value.Length <= maxLength ? value : value[..maxLength].TrimEnd('-');

    [GeneratedRegex(WholeValuePattern, RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
