using System.Collections.Concurrent;
using System.Diagnostics;
using Ecommerce.WebApi.FunctionalTests.Reliability;

namespace Ecommerce.WebApi.FunctionalTests.Replication;

/// <summary>
/// The standby stops (cleanly, then by a crash) under a load of reads and starts again: no read fails,
/// since a read whose standby went away is retried on the primary; the standby serves reads again by itself.
/// </summary>
[Collection(ReplicationCollection.Name)]
public sealed class StandbyOutageTests(ReplicatedCatalog catalog)
{
    private const int Readers = 6;

    private static readonly TimeSpan Before = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Down = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan After = TimeSpan.FromSeconds(1.5);

    private static readonly string[] Reads =
    [
        "/api/v1/products/1",
        $"/api/v1/products/by-slug/{SeedCatalog.ProductSlug(2)}",
        $"/api/v1/products?category={SeedCatalog.CategorySlug}&pageSize=5",
        "/api/v1/categories/tree",
        "/api/v1/categories",
        "/api/v1/categories/1",
    ];

    [Theory]
    [InlineData(PostgresStopMode.Fast)]
    [InlineData(PostgresStopMode.Immediate)]
    public async Task Stopping_the_standby_under_a_read_load_fails_no_read(PostgresStopMode mode)
    {
        await catalog.WaitUntilStandbyServesReadsAsync();
        var client = catalog.Service.CreateClient();
        var failures = new ConcurrentQueue<string>();
        var served = 0;
        using var stop = new CancellationTokenSource();
        var load = Task.WhenAll(Enumerable.Range(0, Readers).Select(reader => Task.Run(async () =>
        {
            for (var n = reader; !stop.IsCancellationRequested; n++)
            {
                var url = Reads[n % Reads.Length];
                var started = Stopwatch.StartNew();
                try
                {
                    using var response = await client.GetAsync(url, CancellationToken.None);
                    if (!response.IsSuccessStatusCode)
                    {
                        failures.Enqueue($"{url}: {(int)response.StatusCode} after {started.ElapsedMilliseconds} ms: {await response.Content.ReadAsStringAsync()}");
                    }
                }
                catch (HttpRequestException exception)
                {
                    failures.Enqueue($"{url}: {exception.Message}");
                }

                Interlocked.Increment(ref served);
            }
        })));

        int beforeStop, whileDown;
        try
        {
            await Task.Delay(Before);
            beforeStop = Volatile.Read(ref served);
            await Task.Run(() => catalog.ReplicaSet.StopStandby(mode));
            await Task.Delay(Down);
            whileDown = Volatile.Read(ref served) - beforeStop;
            await Task.Run(catalog.ReplicaSet.StartStandby);
            await Task.Delay(After);
        }
        finally
        {
            await stop.CancelAsync();
            await load;
        }

        Assert.True(failures.IsEmpty, $"{failures.Count} of {served} reads failed: {string.Join(" | ", failures.Take(5))}");
        Assert.True(beforeStop > 0 && whileDown > 0, $"Reads served: {beforeStop} before the stop, {whileDown} while the standby was down.");
        await catalog.ReplicaSet.WaitForReplayAsync();
        await catalog.WaitUntilStandbyServesReadsAsync();
    }
}
