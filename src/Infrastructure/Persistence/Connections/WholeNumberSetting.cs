using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Ecommerce.Infrastructure.Persistence.Connections;

/// <summary>A whole-number setting of the service's configuration, refused at start when it is not one.</summary>
internal static class WholeNumberSetting
{
    /// <param name="expected">What the value must be, for the message, as in "a whole number, 1 or more".</param>
    public static int Read(IConfiguration configuration, string key, int fallback, int minimum, string expected)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum
            ? number
            : throw new InvalidOperationException($"{key} must be {expected}.");
    }
}
