using System.Reflection;
using NetArchTest.Rules;

namespace Ecommerce.Architecture.Tests;

/// <summary>
/// The web layer turns HTTP into commands and queries: it never reaches the database itself. Endpoints
/// and the HTTP helpers know neither EF Core, Npgsql nor Infrastructure; the rest of WebApi (the host)
/// knows Infrastructure only through its <c>AddInfrastructure</c> entry point.
/// </summary>
public sealed class WebApiBoundaryTests
{
    private static readonly Assembly WebApi = typeof(Ecommerce.WebApi.Endpoints.CatalogApi).Assembly;
    private static readonly Assembly Infrastructure = typeof(Ecommerce.Infrastructure.DependencyInjection).Assembly;

    /// <summary>
    /// The host's uses of Infrastructure internals, EF Core and Npgsql that remain to move behind the entry
    /// point. The test fails when one is added, and when one is gone, so that this list shrinks with the code.
    /// </summary>
    private static readonly string[] KnownHostDependencies =
    [
        "Ecommerce.WebApi.Hosting.DemoData -> Ecommerce.Infrastructure.Persistence.Seeding.DemoCatalogSeeder",
        "Ecommerce.WebApi.Hosting.DerivedDataCommand -> Ecommerce.Infrastructure.Persistence.DerivedData.DerivedDataDrift",
        "Ecommerce.WebApi.Hosting.DerivedDataCommand -> Ecommerce.Infrastructure.Persistence.DerivedData.DerivedDataMaintenance",
        "Ecommerce.WebApi.Hosting.DerivedDataCommand -> Ecommerce.Infrastructure.Persistence.DerivedData.DerivedDataSet",
        "Ecommerce.WebApi.Hosting.DerivedDataCommand -> Npgsql",
        "Ecommerce.WebApi.Hosting.ExceptionProblemHandler -> Ecommerce.Infrastructure.Persistence.Connections.DatabaseFailure",
        "Ecommerce.WebApi.Hosting.ExceptionProblemHandler -> Ecommerce.Infrastructure.Persistence.Connections.DatabaseFailures",
        "Ecommerce.WebApi.Hosting.ReadConsistency -> Ecommerce.Infrastructure.Persistence.Replication.ConsistencyTokens",
        "Ecommerce.WebApi.Hosting.ReadConsistency -> Ecommerce.Infrastructure.Persistence.Replication.ReadRoute",
        "Ecommerce.WebApi.Hosting.ReadConsistency -> Ecommerce.Infrastructure.Persistence.Replication.ReadRouting",
        "Ecommerce.WebApi.Hosting.ReadConsistency -> Npgsql",
        "Ecommerce.WebApi.Hosting.ServiceUnavailable -> Ecommerce.Infrastructure.Persistence.Connections.DatabaseFailure",
        "Ecommerce.WebApi.Hosting.WebApiPipeline -> Ecommerce.Infrastructure.Persistence.Connections.DatabaseFailures",
        "Ecommerce.WebApi.Hosting.WebApiServices -> Ecommerce.Infrastructure.Persistence.Health.CatalogDatabaseHealthCheck",
        "Ecommerce.WebApi.Idempotency.IdempotencyFilter -> Ecommerce.Infrastructure.Persistence.Idempotency.IdempotencyClaim",
        "Ecommerce.WebApi.Idempotency.IdempotencyFilter -> Ecommerce.Infrastructure.Persistence.Idempotency.IdempotencyRecord",
        "Ecommerce.WebApi.Idempotency.IdempotencyFilter -> Ecommerce.Infrastructure.Persistence.Idempotency.IdempotencyStore",
        "Ecommerce.WebApi.Idempotency.IdempotencyFilter -> Ecommerce.Infrastructure.Persistence.Idempotency.IdempotentRequest",
        "Ecommerce.WebApi.Idempotency.IdempotencyFilter -> Ecommerce.Infrastructure.Persistence.Idempotency.IdempotentWrite",
        "Ecommerce.WebApi.Idempotency.RecordedResponse -> Ecommerce.Infrastructure.Persistence.Idempotency.StoredResponse",
    ];

    [Theory]
    [InlineData("Ecommerce.WebApi.Endpoints")]
    [InlineData("Ecommerce.WebApi.Http")]
    public void Endpoints_and_http_helpers_use_no_ef_core_npgsql_or_infrastructure(string layer)
    {
        var result = Types.InAssembly(WebApi).That().ResideInNamespace(layer)
            .ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Npgsql", "Ecommerce.Infrastructure")
            .GetResult();

        Assert.True(result.IsSuccessful, $"{layer} reaches the database layer: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Webapi_uses_infrastructure_only_through_its_entry_point()
    {
        var internals = Infrastructure.GetTypes()
            .Where(type => type != typeof(Ecommerce.Infrastructure.DependencyInjection) && type.FullName is not null && !type.IsNested)
            .Select(type => type.FullName!)
            .Concat(["Microsoft.EntityFrameworkCore", "Npgsql"])
            .ToArray();

        var offenders = internals
            .SelectMany(dependency => (Types.InAssembly(WebApi).Should().NotHaveDependencyOn(dependency).GetResult().FailingTypeNames ?? [])
                .Where(type => !type.Contains("<", StringComparison.Ordinal))
                .Select(type => $"{type} -> {dependency}"))
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.True(
            KnownHostDependencies.SequenceEqual(offenders, StringComparer.Ordinal),
            "The host's dependencies on Infrastructure internals are now:\n" + string.Join("\n", offenders));
    }
}
