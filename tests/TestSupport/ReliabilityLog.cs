using System.Text.Json;

namespace Ecommerce.TestSupport;

/// <summary>
/// What a fault or input-class test observed, kept beside the test results
/// (<c>artifacts/test-results/reliability/*.json</c>) so that docs/reliability.md can quote a run.
/// </summary>
/// <param name="Scenario">A stable file-name-safe name, e.g. <c>outage-fast</c>.</param>
/// <param name="Expectation">What the service must do under it, in one sentence.</param>
public sealed record ReliabilityObservation(
    string Scenario,
    string Expectation,
    int RequestsSent,
    int ServerErrors,
    int WritesAcknowledged,
    int WritesFound,
    string? Notes = null);

public static class ReliabilityLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Record(ReliabilityObservation observation)
    {
        var folder = Path.Combine(RepositoryRoot(), "artifacts", "test-results", "reliability");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, observation.Scenario + ".json"), JsonSerializer.Serialize(observation, Json));
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Ecommerce.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? Path.GetTempPath();
    }
}
