namespace Ecommerce.WebApi.FunctionalTests.Reliability;

/// <summary>What the outage load reads and never writes: two categories (one under the other) and their products.</summary>
internal static class SeedCatalog
{
    public const int Products = 12;

    public static readonly int[] CategoryIds = [1, 2];

    public const string CategorySlug = "phones";

    public const string Sql = """
        INSERT INTO categories (name, slug, parent_id, is_active, created_at, updated_at) VALUES
            ('Phones', 'phones', NULL, TRUE, now(), now()),
            ('Android', 'android', 1, TRUE, now(), now());
        INSERT INTO products (name, slug, price, stock, category_id, rating, is_active, created_at, updated_at)
        SELECT 'Seed ' || g, 'seed-' || g, g, g % 3, 1 + g % 2, 0, TRUE, now(), now() FROM generate_series(1, 12) AS g;
        """;

    public static string ProductSlug(int id) => $"seed-{id}";
}
