using Npgsql;

namespace Ecommerce.Infrastructure.IntegrationTests.Migrations;

/// <summary>
/// The catalog schema as PostgreSQL's catalogs describe it, one sorted line per fact, so that two
/// schemas compare as text and a difference reads as a diff.
/// </summary>
internal static class DatabaseSchema
{
    private const string ColumnsSql = """
        SELECT format('column %s.%s %s%s%s%s', c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
                      CASE WHEN a.attnotnull THEN ' not null' ELSE '' END,
                      CASE a.attidentity WHEN 'd' THEN ' identity by default' WHEN 'a' THEN ' identity always' ELSE '' END,
                      COALESCE(' default ' || pg_get_expr(d.adbin, d.adrelid), ''))
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid AND c.relkind = 'r'
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relname <> '__EFMigrationsHistory'
        """;

    private const string IndexesSql = """
        SELECT format('index %s on %s%s: %s', i.relname, t.relname, CASE WHEN x.indisunique THEN ' unique' ELSE '' END,
                      pg_get_indexdef(x.indexrelid))
        FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_class t ON t.oid = x.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
        WHERE t.relname <> '__EFMigrationsHistory'
        """;

    private const string ConstraintsSql = """
        SELECT format('constraint %s on %s: %s', k.conname, t.relname, pg_get_constraintdef(k.oid))
        FROM pg_constraint k
        JOIN pg_class t ON t.oid = k.conrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
        WHERE t.relname <> '__EFMigrationsHistory'
        """;

    private const string TablesSql = """
        SELECT format('table %s', table_name) FROM information_schema.tables
        WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory'
        """;

    private const string TriggersSql = """
        SELECT format('trigger %s on %s', g.tgname, t.relname)
        FROM pg_trigger g
        JOIN pg_class t ON t.oid = g.tgrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
        WHERE NOT g.tgisinternal
        """;

    /// <summary>Our own functions; those of extensions such as pg_trgm are left out.</summary>
    private const string FunctionsSql = """
        SELECT format('function %s', p.proname)
        FROM pg_proc p
        JOIN pg_namespace n ON n.oid = p.pronamespace AND n.nspname = 'public'
        WHERE NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
        """;

    public static async Task<IReadOnlyList<string>> ReadAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var lines = new List<string>();
        foreach (var sql in new[] { TablesSql, ColumnsSql, IndexesSql, ConstraintsSql, TriggersSql, FunctionsSql })
        {
            await using var command = dataSource.CreateCommand(sql);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    public static async Task<IReadOnlyList<string>> AppliedMigrationsAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var exists = dataSource.CreateCommand("SELECT to_regclass('public.\"__EFMigrationsHistory\"') IS NOT NULL");
        if (!(bool)(await exists.ExecuteScalarAsync())!)
        {
            return [];
        }

        await using var command = dataSource.CreateCommand("SELECT migration_id FROM \"__EFMigrationsHistory\" ORDER BY 1");
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
