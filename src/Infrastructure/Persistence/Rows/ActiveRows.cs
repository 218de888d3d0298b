using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Ecommerce.Infrastructure.Persistence.Rows;

/// <summary>One active row by id or by slug, read into a DTO with plain Npgsql (see <see cref="DtoRows{TDto}"/>).</summary>
internal sealed class ActiveRows<TDto>
    where TDto : class
{
    private readonly DtoRows<TDto> _rows;
    private readonly string _byId;
    private readonly string _bySlug;

    private ActiveRows(DtoRows<TDto> rows)
    {
        _rows = rows;
        _byId = $"SELECT {rows.Columns} FROM {rows.Table} WHERE is_active AND id = $1 LIMIT 1";
        _bySlug = $"SELECT {rows.Columns} FROM {rows.Table} WHERE is_active AND slug = $1 LIMIT 1";
    }

    public static ActiveRows<TDto> Of<TEntity>(IModel model) => new(DtoRows<TDto>.Of<TEntity>(model));

    public Task<TDto?> ByIdAsync(NpgsqlDataSource dataSource, int id, CancellationToken cancellationToken) =>
        SingleRowQuery.ReadAsync(dataSource, _byId, id, _rows.Read, cancellationToken);

    public Task<TDto?> BySlugAsync(NpgsqlDataSource dataSource, string slug, CancellationToken cancellationToken) =>
        SingleRowQuery.ReadAsync(dataSource, _bySlug, slug, _rows.Read, cancellationToken);
}
