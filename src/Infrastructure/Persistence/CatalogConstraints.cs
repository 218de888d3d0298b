using Ecommerce.Application.Abstractions;
using Ecommerce.Application.Common.Rules;
using Npgsql;

namespace Ecommerce.Infrastructure.Persistence;

/// <summary>
/// The constraints and trigger checks (migration EnforceCatalogTreeRules) that enforce the catalog's
/// rules, by the name PostgreSQL reports when it refuses a write.
/// </summary>
internal static class CatalogConstraints
{
    private static readonly Dictionary<string, CatalogRule> Rules = new(StringComparer.Ordinal)
    {
        ["ck_categories_parent_active"] = CatalogRule.ParentIsActive,
        ["fk_categories_parent_id"] = CatalogRule.ParentIsActive,
        ["ck_categories_acyclic"] = CatalogRule.TreeHasNoCycle,
        ["ck_categories_parent_not_self"] = CatalogRule.TreeHasNoCycle,
        ["ck_categories_no_active_children"] = CatalogRule.NoActiveSubcategoriesUnderInactive,
        ["ck_categories_no_active_products"] = CatalogRule.NoActiveProductsUnderInactive,
        ["ck_products_category_active"] = CatalogRule.ProductCategoryIsActive,
        ["fk_products_category_id"] = CatalogRule.ProductCategoryIsActive,
    };

    /// <summary>What a write PostgreSQL refused means for the command: a taken unique key, a broken catalog rule, or null for neither.</summary>
    public static SaveOutcome? RefusalOf(PostgresException exception) =>
        exception.SqlState == PostgresErrorCodes.UniqueViolation ? SaveOutcome.UniqueViolation
        : TryGetRule(exception, out var rule) ? SaveOutcome.Broke(rule)
        : null;

    public static bool TryGetRule(PostgresException exception, out CatalogRule rule)
    {
        rule = default;
        return exception.SqlState is PostgresErrorCodes.CheckViolation or PostgresErrorCodes.ForeignKeyViolation
            && exception.ConstraintName is { } name
            && Rules.TryGetValue(name, out rule);
    }
}
