using System.Text.RegularExpressions;

namespace Ecommerce.WebApi.FunctionalTests.Performance;

/// <summary>
/// The plans PostgreSQL runs for every statement the service sends on its read paths, over 100,000
/// products: whatever code sends them (EF Core or plain Npgsql), none of them scans the whole
/// products table. The plans are the ones the server executed, with the values the service bound.
/// </summary>
public sealed partial class ReadPathPlanTests(PlanLoggingCatalogFactory factory) : IClassFixture<PlanLoggingCatalogFactory>, IAsyncLifetime
{
    private const int Products = 100_000;

    /// <summary>
    /// More than the largest subtree of the seeded catalog (a root's 10,000 products, all of which a page
    /// of it must sort), far less than the table: an index that does not narrow the rows down fails.
    /// </summary>
    private const int MaxRowsRead = Products / 5;

    public async Task InitializeAsync()
    {
        if (await factory.Database.ScalarAsync<long>("SELECT count(*) FROM products") > 0)
        {
            return;
        }

        await factory.Database.ExecuteAsync($"""
            INSERT INTO categories (id, name, slug, parent_id, is_active, created_at, updated_at)
            SELECT g, 'Root ' || g, 'root-' || g, NULL, TRUE, now(), now() FROM generate_series(1, 10) AS g;
            INSERT INTO categories (id, name, slug, parent_id, is_active, created_at, updated_at)
            SELECT 10 + g, 'Child ' || g, 'child-' || g, 1 + (g - 1) / 2, TRUE, now(), now() FROM generate_series(1, 20) AS g;
            INSERT INTO categories (id, name, slug, parent_id, is_active, created_at, updated_at)
            SELECT 30 + g, 'Leaf ' || g, 'leaf-' || g, 11 + (g - 1) / 4, TRUE, now(), now() FROM generate_series(1, 80) AS g;
            SELECT setval(pg_get_serial_sequence('categories', 'id'), 110);
            INSERT INTO products (name, slug, price, stock, category_id, rating, is_active, created_at, updated_at)
            SELECT 'Product ' || i, 'product-' || i, ((i * 7919) % 1000000) / 100.0, i % 50, 31 + (i % 80), (i % 501) / 100.0,
                i % 97 <> 0, now() - i * interval '1 minute', now()
            FROM generate_series(1, {Products}) AS i;
            ANALYZE categories;
            ANALYZE products;
            """);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> ReadPaths =>
    [
        "/api/v1/products",
        "/api/v1/products?sort=price&page=3",
        "/api/v1/products?sort=newest",
        "/api/v1/products?category=leaf-7",
        "/api/v1/products?category=leaf-7&page=50",
        "/api/v1/products?category=root-3&page=50",
        "/api/v1/products?category=leaf-7&inStock=true&sort=-price",
        "/api/v1/products?q=4242",
        "/api/v1/products?minPrice=100&maxPrice=101&sort=-price",
        "/api/v1/products?category=root-3&q=999",
        "/api/v1/products/4242",
        "/api/v1/products/by-slug/product-4242",
    ];

    [Theory]
    [MemberData(nameof(ReadPaths))]
    public async Task Every_statement_of_a_read_path_is_planned_without_scanning_products(string url)
    {
        using var sent = new SentStatements(factory.Database.Name);
        var logged = new LoggedPlans(factory.ServerLog);

        var response = await factory.CreateAnonymousClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var statements = sent.Statements.SelectMany(SplitStatements).Select(Normalized).ToList();
        Assert.NotEmpty(statements);
        var plans = await PlansOfAsync(logged, statements);
        foreach (var statement in statements)
        {
            Assert.True(plans.Any(plan => Normalized(plan.QueryText) == statement),
                $"No plan was logged for a statement the service sent:\n{statement}\nLogged:\n{string.Join("\n", plans.Select(plan => plan.QueryText))}");
        }

        Assert.Contains(plans, plan => plan.NodesOn("products").Any());
        foreach (var plan in plans)
        {
            Assert.False(plan.NodesOn("products").Any(node => node.GetProperty("Node Type").GetString() == "Seq Scan"),
                $"{url}: a sequential scan of products for\n{plan}");
            Assert.True(plan.RowsRead("products") <= MaxRowsRead, $"{url}: {plan.RowsRead("products")} rows of products read for\n{plan}");
        }

        if (url.Contains("category=", StringComparison.Ordinal))
        {
            // The category's subtree is read by plain Npgsql code: proof that those statements are seen too.
            Assert.Contains(plans, plan => plan.NodesOn("categories").Any());
        }
    }

    /// <summary>The server writes a plan as each statement ends; the last may land just after the response.</summary>
    private static async Task<IReadOnlyList<LoggedPlan>> PlansOfAsync(LoggedPlans logged, IReadOnlyList<string> statements)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            var plans = logged.Read();
            if (DateTime.UtcNow > deadline || statements.All(statement => plans.Any(plan => Normalized(plan.QueryText) == statement)))
            {
                return plans;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>One command's text can hold several statements; the server plans (and logs) each one.</summary>
    private static IEnumerable<string> SplitStatements(string text) =>
        text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Npgsql sends EF Core's <c>@name</c> parameters as <c>$n</c>; compare the statements without them.</summary>
    private static string Normalized(string statement) =>
        Whitespace().Replace(Parameter().Replace(statement.Trim().TrimEnd(';'), "?"), " ");

    [GeneratedRegex(@"[@$][A-Za-z_][A-Za-z_0-9]*|\$[0-9]+")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
