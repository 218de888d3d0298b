namespace Ecommerce.Domain.Common;

internal static class Guard
{
    public static string RequiredText(string? value, int maxLength, string what)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainRuleException($"{what} is required.");
        }

        return trimmed.Length <= maxLength
            ? trimmed
            : throw new DomainRuleException($"{what} must be at most {maxLength} characters.");
    }

    public static string? OptionalText(string? value, int maxLength, string what)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length <= maxLength
            ? trimmed
            : throw new DomainRuleException($"{what} must be at most {maxLength} characters.");
    }

    public static DateTime Utc(DateTime value, string what) =>
        value.Kind == DateTimeKind.Utc ? value : throw new DomainRuleException($"{what} must be in UTC.");
}
