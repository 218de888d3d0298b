namespace Ecommerce.Infrastructure.Persistence.DerivedData;

/// <summary>
/// Values the database derives from the source rows (and keeps in step with triggers), with the SQL
/// functions, created by the migrations, that find and repair drift.
/// </summary>
/// <param name="DriftSql">Rows of (key, recorded value, value recomputed from the source rows) that differ.</param>
/// <param name="RebuildSql">Recomputes every value under the lock that makes it exact; returns how many it corrected.</param>
public sealed record DerivedDataSet(string Name, string DriftSql, string RebuildSql)
{
    public static IReadOnlyList<DerivedDataSet> All { get; } =
    [
        new(
            "category_product_counts",
            "SELECT category_id::text, recorded::text, actual::text FROM category_product_count_drift()",
            "SELECT rebuild_category_product_counts()"),
    ];
}

/// <summary>One derived value that differs from what its source rows say it should be.</summary>
public sealed record DerivedDataDrift(string Set, string Key, string Recorded, string Actual);
