using Ecommerce.Application.Categories;
using Npgsql;

namespace Ecommerce.Infrastructure.Persistence.Categories;

/// <summary>
/// One active category by id or by slug, as hand-written SQL over the columns that EF Core's model
/// maps (<c>SingleRowReadTests</c> checks that both read the same values).
/// </summary>
internal static class CategoryRowSql
{
    private const string Columns = "id, name, slug, parent_id, is_active, created_at, updated_at, xmin";

    public const string ActiveById = $"SELECT {Columns} FROM categories WHERE is_active AND id = $1 LIMIT 1";

    public const string ActiveBySlug = $"SELECT {Columns} FROM categories WHERE is_active AND slug = $1 LIMIT 1";

    public static CategoryDto Map(NpgsqlDataReader row) => new(
        row.GetInt32(0), row.GetString(1), row.GetString(2), row.IsDBNull(3) ? null : row.GetInt32(3), row.GetBoolean(4),
        row.GetDateTime(5), row.GetDateTime(6))
    {
        Version = row.GetFieldValue<uint>(7),
    };
}
