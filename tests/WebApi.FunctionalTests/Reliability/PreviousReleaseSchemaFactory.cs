namespace Ecommerce.WebApi.FunctionalTests.Reliability;

/// <summary>
/// The service over a database that the previous release's migrations left, brought there by the
/// migration bundle as a deployment would; a test then applies the rest while the service runs.
/// </summary>
public sealed class PreviousReleaseSchemaFactory : CatalogApiFactory
{
    /// <summary>The last migration of the previous release.</summary>
    public const string PreviousReleaseHead = "20261125200437_AddCategoryProductCounts";

    protected override async Task MigrateAsync()
    {
        var (exitCode, output) = await MigrationBundle.RunAsync(Database.ConnectionString, PreviousReleaseHead);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"The bundle could not migrate to {PreviousReleaseHead}: {output}");
        }
    }
}
