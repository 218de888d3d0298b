using Microsoft.Extensions.Configuration;

namespace Ecommerce.Infrastructure.Persistence.Changes;

/// <summary>The <c>Catalog:ChangeFeed</c> configuration section.</summary>
internal sealed class ChangeFeedOptions
{
    public const string Section = "Catalog:ChangeFeed";

    /// <summary>Whether tags may be answered from memory while listening for changes (single resources' tags, lists' versions).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// After this long without a notification the listening connection is probed: a connection that
    /// died without an error (a network partition) is noticed within about twice this.
    /// </summary>
    public TimeSpan ProbeInterval { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public static ChangeFeedOptions From(IConfiguration configuration) => new()
    {
        Enabled = configuration[$"{Section}:{nameof(Enabled)}"] is not { Length: > 0 } enabled
            || (bool.TryParse(enabled, out var value) ? value : throw new InvalidOperationException($"{Section}:{nameof(Enabled)} must be true or false.")),
        ProbeInterval = TimeSpan.FromSeconds(Connections.WholeNumberSetting.Read(
            configuration, $"{Section}:ProbeSeconds", fallback: 5, minimum: 1, "a whole number of seconds, 1 or more")),
    };
}
