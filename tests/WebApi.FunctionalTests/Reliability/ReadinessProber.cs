using System.Diagnostics;

namespace Ecommerce.WebApi.FunctionalTests.Reliability;

/// <summary>Asks <c>/health/ready</c> every 200 ms, as a load balancer would, and keeps the answers.</summary>
internal sealed class ReadinessProber(HttpClient client, Stopwatch clock)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    public List<LoadAnswer> Answers { get; } = [];

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var sentAt = clock.Elapsed;
            var response = await client.GetAsync("/health/ready", CancellationToken.None);
            Answers.Add(new LoadAnswer("ready", false, sentAt, clock.Elapsed, (int)response.StatusCode, null, false, false));
            await Task.Delay(Interval, CancellationToken.None);
        }
    }
}
