using System.Globalization;

namespace Ecommerce.Infrastructure.Persistence.Migrating;

/// <summary>
/// How migrations behave, from the environment: the migration bundle has no other configuration
/// than its connection string.
/// </summary>
public static class MigrationSettings
{
    public const string LockTimeoutVariable = "Catalog__Migrations__LockTimeoutSeconds";

    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long a migration's DDL may wait for a table lock before it fails and can be retried.</summary>
    public static TimeSpan LockTimeout =>
        double.TryParse(Environment.GetEnvironmentVariable(LockTimeoutVariable), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
        && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : DefaultLockTimeout;
}
