using NpgsqlTypes;

namespace Ecommerce.Infrastructure.Persistence.Replication;

/// <summary>What a host of <c>CatalogReplicas</c> is, as last sampled.</summary>
internal enum StandbyRole
{
    /// <summary>Not sampled yet.</summary>
    Unknown,

    /// <summary>The last sample failed: stopped, unreachable, refusing connections.</summary>
    Down,

    /// <summary>In recovery, replaying the primary's WAL.</summary>
    Standby,

    /// <summary>Not in recovery: the primary listed among the replicas, or a promoted standby.</summary>
    Primary,
}

/// <summary>One sample of a replica host and the verdict on it.</summary>
internal sealed record StandbyState(StandbyRole Role, NpgsqlLogSequenceNumber Replayed, TimeSpan Lag, bool? SchemaReady, bool ServesReads)
{
    public static readonly StandbyState Unknown = new(StandbyRole.Unknown, default, TimeSpan.Zero, null, false);

    /// <summary>For the readiness payload and the logs: the state in a few words, without addresses.</summary>
    public string Describe(TimeSpan maxLag) => Role switch
    {
        StandbyRole.Unknown => "not sampled yet",
        StandbyRole.Down => "unreachable: not serving reads",
        StandbyRole.Primary when ServesReads => "a primary, serving reads",
        StandbyRole.Primary => "a primary, not a standby: not serving reads",
        _ when SchemaReady != true => "behind this build's migrations: not serving reads",
        _ when Lag > maxLag => FormattableString.Invariant($"{Lag.TotalSeconds:0.0} s behind the primary (limit {maxLag.TotalSeconds:0} s): not serving reads"),
        _ => FormattableString.Invariant($"serving reads, {Lag.TotalSeconds:0.0} s behind the primary"),
    };
}
