using Microsoft.Extensions.Configuration;

namespace Ecommerce.Infrastructure.Persistence.Changes;

/// <summary>The <c>Catalog:ChangeFeed</c> configuration section.</summary>
internal sealed class ChangeFeedOptions
{
    public const string Section = "Catalog:ChangeFeed";

    /// <summary>Whether tags may be answered from memory (single resources' tags, lists' versions) while the versions are followed.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>How often the versions are read: a change by another instance is noticed within about this.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>No tag is vouched for when the last successful read of the versions started longer ago than this.</summary>
    public TimeSpan MaxAge => PollInterval * 2;

    public static ChangeFeedOptions From(IConfiguration configuration) => new()
    {
        Enabled = configuration[$"{Section}:{nameof(Enabled)}"] is not { Length: > 0 } enabled
            || (bool.TryParse(enabled, out var value) ? value : throw new InvalidOperationException($"{Section}:{nameof(Enabled)} must be true or false.")),
        PollInterval = TimeSpan.FromMilliseconds(Connections.WholeNumberSetting.Read(
            configuration, $"{Section}:PollMilliseconds", fallback: 100, minimum: 10, "a whole number of milliseconds, 10 or more")),
    };
}
