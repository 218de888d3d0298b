using NpgsqlTypes;

namespace Ecommerce.Infrastructure.Persistence.Replication;

/// <summary>
/// Chooses where a request's queries go. Commands, and everything outside a request that chose
/// otherwise, use the primary. A request that is a query (the web layer calls
/// <see cref="UseForThisRequest"/>) goes to a standby that serves reads, round robin when
/// <c>Load Balance Hosts</c> is on, else the first in the listed order; with a consistency token, only
/// to a standby that has replayed it, waiting briefly for one, and otherwise to the primary.
/// </summary>
public sealed class ReadRouting : IAsyncDisposable
{
    private static readonly AsyncLocal<ReadRoute?> CurrentRoute = new();

    private readonly ReadRoute[] _standbyRoutes;
    private readonly bool _loadBalance;
    private int _next = -1;

    internal ReadRouting(
        ReadRoute primary, IReadOnlyList<StandbyMonitor> standbys, PrimaryPositions positions, ReplicaOptions options, bool loadBalance)
    {
        Primary = primary;
        Standbys = standbys;
        Positions = positions;
        Options = options;
        _loadBalance = loadBalance;
        _standbyRoutes = [.. standbys.Select((standby, index) => new ReadRoute(index + 1, standby.Host.Name, standby.Host.Reads))];
        Routes = [primary, .. _standbyRoutes];
    }

    /// <summary>Whether <c>ConnectionStrings:CatalogReplicas</c> is configured: otherwise every query goes to the primary.</summary>
    public bool HasReplicas => Standbys.Count > 0;

    public ReplicaOptions Options { get; }

    /// <summary>Every route, the primary first (at its <see cref="ReadRoute.Index"/>).</summary>
    internal IReadOnlyList<ReadRoute> Routes { get; }

    public ReadRoute Primary { get; }

    internal IReadOnlyList<StandbyMonitor> Standbys { get; }

    internal PrimaryPositions Positions { get; }

    /// <summary>The route of the request under way; the primary when none was chosen.</summary>
    internal ReadRoute Current => CurrentRoute.Value ?? Primary;

    /// <summary>Sends the queries of the rest of this request (this asynchronous flow) to <paramref name="route"/>.</summary>
    public static void UseForThisRequest(ReadRoute route) => CurrentRoute.Value = route;

    /// <summary>Whether any replica host serves reads now.</summary>
    public bool AnyStandbyServesReads => Standbys.Any(standby => standby.State.ServesReads);

    /// <summary>A route for a query that may read from any standby serving reads.</summary>
    public ReadRoute Choose()
    {
        var start = Start();
        for (var offset = 0; offset < _standbyRoutes.Length; offset++)
        {
            var index = (start + offset) % _standbyRoutes.Length;
            if (Standbys[index].State.ServesReads)
            {
                return _standbyRoutes[index];
            }
        }

        return Primary;
    }

    /// <summary>
    /// A route for a query that must see every write up to <paramref name="atLeast"/>: a standby that has
    /// replayed it, possibly after waiting up to <see cref="ReplicaOptions.ConsistencyWait"/>, else the primary.
    /// </summary>
    public async ValueTask<ReadRoute> ChooseAsync(NpgsqlLogSequenceNumber atLeast, CancellationToken cancellationToken)
    {
        if (_standbyRoutes.Length == 0)
        {
            return Primary;
        }

        var start = Start();
        List<(int Index, Task<bool> Reached)>? waits = null;
        for (var offset = 0; offset < _standbyRoutes.Length; offset++)
        {
            var index = (start + offset) % _standbyRoutes.Length;
            var state = Standbys[index].State;
            if (!state.ServesReads)
            {
                continue;
            }

            if (state.Role == StandbyRole.Primary || state.Replayed >= atLeast)
            {
                return _standbyRoutes[index];
            }

            if (Options.ConsistencyWait > TimeSpan.Zero)
            {
                (waits ??= []).Add((index, Standbys[index].WaitForReplayAsync(atLeast, Options.ConsistencyWait, cancellationToken)));
            }
        }

        while (waits is { Count: > 0 })
        {
            var done = await Task.WhenAny(waits.Select(wait => wait.Reached));
            var finished = waits.First(wait => wait.Reached == done);
            if (await done)
            {
                return _standbyRoutes[finished.Index];
            }

            waits.Remove(finished);
        }

        return Primary;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var standby in Standbys)
        {
            await standby.Host.Monitor.DisposeAsync();
            await standby.Host.Reads.DataSource.DisposeAsync();
        }
    }

    private int Start() => _loadBalance && _standbyRoutes.Length > 1
        ? (int)((uint)Interlocked.Increment(ref _next) % (uint)_standbyRoutes.Length)
        : 0;
}
