using System.Collections.Concurrent;
using System.Diagnostics;

namespace Ecommerce.WebApi.FunctionalTests.Reliability;

/// <summary>
/// PostgreSQL stops under a running load (a clean fast shutdown, then a crash) and starts again.
/// During the outage every answer is 2xx or a 503 problem with Retry-After and readiness says 503;
/// from 5 s after the restart every answer is 2xx again, with no restart of the service; and the
/// database holds every write that was acknowledged, none twice, none that was answered "not applied".
/// </summary>
[Collection(OutageCollection.Name)]
public sealed class OutageTests(OutageCluster outage)
{
    private const int Workers = 8;

    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1.5);
    private static readonly TimeSpan Down = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan AfterRecovery = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ReadinessBound = TimeSpan.FromSeconds(2);

    /// <summary>No request may hang: the request timeout (10 s) answers long before this.</summary>
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(15);

    [Fact]
    public Task A_fast_shutdown_and_restart_under_load() => RunOutageAsync(PostgresStopMode.Fast, "outage-fast");

    [Fact]
    public Task A_crash_and_restart_under_load() => RunOutageAsync(PostgresStopMode.Immediate, "outage-immediate");

    private async Task RunOutageAsync(PostgresStopMode mode, string scenario)
    {
        var clock = Stopwatch.StartNew();
        var answers = new ConcurrentQueue<LoadAnswer>();
        var client = outage.Service.CreateClient();
        var workers = Enumerable.Range(0, Workers)
            .Select(n => new LoadWorker($"{scenario}-w{n}", n, client, clock, answers.Enqueue))
            .ToList();
        var prober = new ReadinessProber(outage.Service.CreateClient(), clock);
        using var stop = new CancellationTokenSource();
        var load = Task.WhenAll(workers.Select(worker => worker.RunAsync(stop.Token)).Append(prober.RunAsync(stop.Token)));

        TimeSpan stopped, restarting, restarted;
        try
        {
            await Task.Delay(WarmUp);
            await Task.Run(() => outage.Cluster.Stop(mode));
            stopped = clock.Elapsed;
            await Task.Delay(Down);
            restarting = clock.Elapsed;
            await Task.Run(outage.Cluster.StartServer);
            restarted = clock.Elapsed;
            await Task.Delay(Recovery + AfterRecovery);
        }
        finally
        {
            await stop.CancelAsync();
            await load;
            if (!outage.Cluster.IsRunning)
            {
                outage.Cluster.StartServer();
            }
        }

        var all = answers.ToList();
        var audit = await WriteAudit.OfAsync(outage.ConnectionString, workers);
        var afterRestart = all.Where(answer => answer.SentAt >= restarted).ToList();
        var lastFailure = afterRestart.Where(answer => !answer.IsSuccess).Select(answer => answer.AnsweredAt - restarted).DefaultIfEmpty().Max();
        var firstSuccess = afterRestart.Where(answer => answer.IsSuccess).Select(answer => answer.AnsweredAt - restarted).DefaultIfEmpty().Min();
        ReliabilityLog.Record(new ReliabilityObservation(
            scenario,
            $"PostgreSQL stopped ({mode.ToString().ToLowerInvariant()}) for {Down.TotalSeconds} s under load and started again: only 2xx or 503 "
                + "problem+json with Retry-After, all 2xx within 5 s of the restart, every acknowledged write present once.",
            all.Count,
            all.Count(answer => answer.Status >= 500),
            audit.Acknowledged,
            audit.Found,
            string.Create(CultureInfo.InvariantCulture,
                $"{all.Count(answer => answer.Status == 503)} answers 503 ({all.Count(answer => answer.Code == "Write.OutcomeUnknown")} writes with an unknown outcome, "
                + $"{audit.UnknownFoundApplied} of them applied); stopping took {stopped.TotalSeconds - WarmUp.TotalSeconds:0.0} s and starting "
                + $"{(restarted - restarting).TotalSeconds:0.0} s; after the restart the first 2xx came at +{firstSuccess.TotalMilliseconds:0} ms "
                + $"and the last non-2xx at +{lastFailure.TotalMilliseconds:0} ms; readiness probes: {prober.Answers.Count}, "
                + $"slowest {prober.Answers.Max(probe => probe.AnsweredAt - probe.SentAt).TotalMilliseconds:0} ms.")));

        var unexpected = all.Where(answer => !answer.IsSuccess && answer.Status != 503).ToList();
        Assert.True(unexpected.Count == 0, "answers other than 2xx or 503: " + Describe(unexpected));
        var bare = all.Where(answer => answer.Status == 503 && !(answer.IsProblem && answer.HasRetryAfter)).ToList();
        Assert.True(bare.Count == 0, "503s without problem+json or Retry-After: " + Describe(bare));
        Assert.Contains(all, answer => answer.Status == 503 && answer.AnsweredAt > stopped && answer.SentAt < restarting);
        var hung = all.Where(answer => answer.AnsweredAt - answer.SentAt > NoHang).ToList();
        Assert.True(hung.Count == 0, "requests that hung: " + Describe(hung));

        var recovered = all.Where(answer => answer.SentAt >= restarted + Recovery).ToList();
        Assert.True(recovered.Count >= Workers * 10, $"only {recovered.Count} requests were sent after the recovery bound");
        Assert.True(recovered.All(answer => answer.IsSuccess), "answers other than 2xx 5 s after the restart: " + Describe(recovered.Where(answer => !answer.IsSuccess)));

        var probesWhileDown = prober.Answers.Where(probe => probe.SentAt > stopped && probe.AnsweredAt < restarting).ToList();
        Assert.NotEmpty(probesWhileDown);
        Assert.All(probesWhileDown, probe => Assert.Equal(503, probe.Status));
        Assert.All(prober.Answers, probe => Assert.True(probe.AnsweredAt - probe.SentAt < ReadinessBound, $"a readiness probe took {(probe.AnsweredAt - probe.SentAt).TotalMilliseconds:0} ms"));
        Assert.All(prober.Answers.Where(probe => probe.SentAt >= restarted + Recovery), probe => Assert.Equal(200, probe.Status));

        Assert.True(audit.Problems.Count == 0, string.Join(Environment.NewLine, audit.Problems));
        Assert.True(audit.Acknowledged > 0, "no write was acknowledged: the load did not write");
        Assert.Equal(audit.Acknowledged, audit.Found);
    }

    private static string Describe(IEnumerable<LoadAnswer> answers) =>
        string.Join("; ", answers.Take(10).Select(answer =>
            string.Create(CultureInfo.InvariantCulture, $"{answer.Operation} → {answer.Status} {answer.Code} at {answer.SentAt.TotalSeconds:0.00} s")));
}
