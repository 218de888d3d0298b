using Ecommerce.Infrastructure.Persistence.Connections;
using Microsoft.Extensions.Configuration;

namespace Ecommerce.Infrastructure.Persistence.Replication;

/// <summary>The <c>Catalog:Replicas</c> configuration section: when a standby may serve reads.</summary>
public sealed class ReplicaOptions
{
    public const string Section = "Catalog:Replicas";

    /// <summary>
    /// A standby further behind the primary than this stops serving reads until it catches up. A
    /// client that must see its own writes sends a consistency token instead of relying on this.
    /// </summary>
    public int MaxLagSeconds { get; init; } = 5;

    /// <summary>How often each standby, and the primary's WAL position, are sampled.</summary>
    public int SampleIntervalMilliseconds { get; init; } = 1000;

    /// <summary>
    /// How long a read that carries a consistency token waits for a standby to replay it before it
    /// is served by the primary instead.
    /// </summary>
    public int ConsistencyWaitMilliseconds { get; init; } = 200;

    public TimeSpan MaxLag => TimeSpan.FromSeconds(MaxLagSeconds);

    public TimeSpan SampleInterval => TimeSpan.FromMilliseconds(SampleIntervalMilliseconds);

    public TimeSpan ConsistencyWait => TimeSpan.FromMilliseconds(ConsistencyWaitMilliseconds);

    public static ReplicaOptions From(IConfiguration configuration)
    {
        var defaults = new ReplicaOptions();
        return new ReplicaOptions
        {
            MaxLagSeconds = Read(configuration, nameof(MaxLagSeconds), defaults.MaxLagSeconds, minimum: 1),
            SampleIntervalMilliseconds = Read(configuration, nameof(SampleIntervalMilliseconds), defaults.SampleIntervalMilliseconds, minimum: 50),
            ConsistencyWaitMilliseconds = Read(configuration, nameof(ConsistencyWaitMilliseconds), defaults.ConsistencyWaitMilliseconds, minimum: 0),
        };
    }

    private static int Read(IConfiguration configuration, string name, int fallback, int minimum) =>
        WholeNumberSetting.Read(configuration, $"{Section}:{name}", fallback, minimum, $"a whole number, {minimum} or more");
}
