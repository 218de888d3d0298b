using System.Diagnostics;

namespace Ecommerce.TestSupport;

/// <summary>The deployment artifact <c>artifacts/efbundle</c>, run as a deployment runs it.</summary>
public static class MigrationBundle
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string Locate()
    {
        var path = Environment.GetEnvironmentVariable("CATALOG_EFBUNDLE");
        if (string.IsNullOrEmpty(path))
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Ecommerce.sln")))
            {
                root = root.Parent;
            }

            path = root is null ? "efbundle" : Path.Combine(root.FullName, "artifacts", "efbundle");
        }

        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"No migration bundle at {path}: build it with `make bundle` (`make test` does).", path);
    }

    /// <returns>The bundle's exit code and everything it printed.</returns>
    public static Task<(int ExitCode, string Output)> RunAsync(string connectionString, params string[] arguments) =>
        RunAsync(connectionString, new Dictionary<string, string>(), arguments);

    /// <param name="environment">Variables set for the bundle's process only.</param>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string connectionString, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Locate())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--connection");
        start.ArgumentList.Add(connectionString);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
