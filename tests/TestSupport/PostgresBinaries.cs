namespace Ecommerce.TestSupport;

/// <summary>Finds the PostgreSQL server programs: on PATH, else the newest under /usr/lib/postgresql.</summary>
internal static class PostgresBinaries
{
    public static string Find(string program)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
        if (onPath is not null)
        {
            return onPath;
        }

        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(folder => int.TryParse(Path.GetFileName(folder), out var major) ? major : 0)
                .Select(folder => Path.Combine(folder, "bin", program))
                .FirstOrDefault(File.Exists)
            : null;
        return installed ?? throw new InvalidOperationException(
            $"PostgreSQL's {program} was not found on PATH or under /usr/lib/postgresql: install the 'postgresql' package, " +
            "or set CATALOG_TEST_POSTGRES to the connection string of an existing server.");
    }
}
