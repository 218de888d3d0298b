using Ecommerce.Application.Abstractions;
using Ecommerce.Application.Common.Paging;
using Ecommerce.Application.Products;
using Ecommerce.Domain.Catalog;
using Ecommerce.Infrastructure.Persistence.Connections;
using Ecommerce.Infrastructure.Persistence.Rows;
using Ecommerce.Infrastructure.Persistence.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace Ecommerce.Infrastructure.Persistence.Products;

internal sealed class ProductReader(IDbContextFactory<CatalogDbContext> contexts, NpgsqlDataSource dataSource, IModel model, BroadFilters broadFilters)
    : IProductReader
{
    private readonly ActiveRows<ProductDto> _rows = ActiveRows<ProductDto>.Of<Product>(model);
    private readonly DtoRows<ProductDto> _dtoRows = DtoRows<ProductDto>.Of<Product>(model);
    private readonly ProductSearchSql _search = ProductSearchSql.For(DtoRows<ProductDto>.Of<Product>(model));

    public Task<ProductDto?> FindActiveAsync(int id, CancellationToken cancellationToken) =>
        _rows.ByIdAsync(dataSource, id, cancellationToken);

    public Task<ProductDto?> FindActiveBySlugAsync(string slug, CancellationToken cancellationToken) =>
        _rows.BySlugAsync(dataSource, slug, cancellationToken);

    public async Task<PagedList<ProductDto>> ListAsync(ListProductsQuery query, CancellationToken cancellationToken)
    {
        // No category has a slug that breaks the slug rules, so such a filter matches nothing.
        if (query.Filter.CategorySlug is { } slug && !Slug.IsValid(slug))
        {
            return Empty(query);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ListOnceAsync(query, cancellationToken);
            }
            catch (Exception exception) when (DatabaseFailures.IsTransient(exception))
            {
                if (!await ReadRetry.ShouldRetryAsync(exception, attempt, cancellationToken))
                {
                    throw;
                }
            }
        }
    }

    private async Task<PagedList<ProductDto>> ListOnceAsync(ListProductsQuery query, CancellationToken cancellationToken)
    {
        await using var dbContext = await contexts.CreateDbContextAsync(cancellationToken);
        // One connection for the list's statements, rather than one pool rental each.
        await using var openConnection = await dbContext.Database.KeepConnectionOpenAsync(cancellationToken);
        var connection = (NpgsqlConnection)dbContext.Database.GetDbConnection();

        int[]? categoryIds = null;
        if (query.Filter.CategorySlug is { } categorySlug)
        {
            categoryIds = await CategoryTreeSql.SubtreeAsync(connection, categorySlug, cancellationToken);
            if (categoryIds.Length == 0)
            {
                return Empty(query);
            }
        }

        var list = new ProductListParameters(query.Filter, categoryIds);
        var after = query.After is { NameIsPrefix: true } prefix
            ? prefix with { Name = await WholeNameAsync(connection, prefix, cancellationToken), NameIsPrefix = false }
            : query.After;
        return query.Filter.Search is { } search
            ? await SearchAsync(connection, query, list, search, after, cancellationToken)
            : await ListWithoutSearchAsync(dbContext, connection, query, list, after, cancellationToken);
    }

    private async Task<PagedList<ProductDto>> ListWithoutSearchAsync(
        CatalogDbContext dbContext, NpgsqlConnection connection, ListProductsQuery query, ProductListParameters list, ProductCursor? after,
        CancellationToken cancellationToken)
    {
        var counted = query.Filter.IsCategoryOnly
            ? await CategoryTreeSql.CountActiveProductsAsync(connection, list.CategoryIds, cancellationToken)
            : await CappedCountAsync(dbContext, list, cancellationToken);
        if (after is null && query.Skip >= counted)
        {
            return PagedList<ProductDto>.Counted([], query.Page, query.PageSize, counted);
        }

        // One row more than the page holds tells whether a page follows.
        var rows = after is null
            ? ProductListQueries.Page(dbContext, query.Sort, list, (int)query.Skip, query.PageSize + 1)
            : ProductListQueries.PageAfter(dbContext, after, list, query.PageSize + 1);
        var items = await rows.ToListAsync(cancellationToken);
        return PageOf(query, items, counted, last => ProductCursor.After(query.Sort, null, items[last]));
    }

    private async Task<int> CappedCountAsync(CatalogDbContext dbContext, ProductListParameters list, CancellationToken cancellationToken)
    {
        var position = broadFilters.Position();
        if (broadFilters.IsPastCap(list.Filter, position))
        {
            return PagedList<ProductDto>.TotalCap + 1;
        }

        var counted = await ProductListQueries.CappedCount(dbContext, list, cancellationToken);
        if (counted > PagedList<ProductDto>.TotalCap)
        {
            broadFilters.Remember(list.Filter, position);
        }

        return counted;
    }

    private async Task<PagedList<ProductDto>> SearchAsync(
        NpgsqlConnection connection, ListProductsQuery query, ProductListParameters list, string search, ProductCursor? after,
        CancellationToken cancellationToken)
    {
        var sql = query.Sort == ProductSort.Relevance ? _search.ByRelevance : _search.Sorted(query.Sort, after is not null);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = search });
        command.Parameters.Add(Nullable(list.CategoryIds, NpgsqlDbType.Array | NpgsqlDbType.Integer));
        command.Parameters.Add(Nullable(list.Filter.MinPrice, NpgsqlDbType.Numeric));
        command.Parameters.Add(Nullable(list.Filter.MaxPrice, NpgsqlDbType.Numeric));
        command.Parameters.Add(Nullable(list.Filter.InStock, NpgsqlDbType.Boolean));
        command.Parameters.Add(CursorKey(query.Sort, after));
        command.Parameters.Add(Nullable(after?.Id, NpgsqlDbType.Integer));
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = after is null ? (int)query.Skip : 0 });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = query.PageSize + 1 });

        var items = new List<ProductDto>(query.PageSize + 1);
        var tiers = new List<int>(query.PageSize + 1);
        var counted = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                counted = reader.GetInt32(reader.FieldCount - 1);
                if (!reader.IsDBNull(0))
                {
                    items.Add(_dtoRows.Read(reader));
                    tiers.Add(reader.GetInt32(reader.FieldCount - 2));
                }
            }
        }

        return PageOf(query, items, counted, last => ProductCursor.After(query.Sort, search, items[last], tiers[last]));
    }

    /// <summary>The page out of one row more than it holds, and the cursor after its last item when that extra row exists.</summary>
    private static PagedList<ProductDto> PageOf(ListProductsQuery query, List<ProductDto> rows, int counted, Func<int, ProductCursor> cursorAfter)
    {
        var more = rows.Count > query.PageSize;
        var items = more ? rows[..query.PageSize] : rows;
        return PagedList<ProductDto>.Counted(items, query.After is null ? query.Page : null, query.PageSize, counted) with
        {
            NextCursor = more ? cursorAfter(query.PageSize - 1).Encode() : null,
        };
    }

    /// <summary>
    /// The name of the product a cursor ended on, which was too long to travel in the cursor whole
    /// (products are only ever deactivated, so the row is still there; the prefix serves otherwise).
    /// </summary>
    private static async Task<string> WholeNameAsync(NpgsqlConnection connection, ProductCursor cursor, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT name FROM products WHERE id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = cursor.Id });
        return await command.ExecuteScalarAsync(cancellationToken) is string name && name.StartsWith(cursor.Name, StringComparison.Ordinal)
            ? name
            : cursor.Name;
    }

    /// <summary>The cursor's sort key as <c>$6</c>, typed as its column.</summary>
    private static NpgsqlParameter CursorKey(ProductSort sort, ProductCursor? after) => sort switch
    {
        ProductSort.Name or ProductSort.NameDescending => Nullable(after?.Name, NpgsqlDbType.Text),
        ProductSort.Price or ProductSort.PriceDescending or ProductSort.Rating or ProductSort.RatingDescending
            => Nullable(after?.Number, NpgsqlDbType.Numeric),
        ProductSort.Newest => Nullable(after?.CreatedAt, NpgsqlDbType.TimestampTz),
        _ => Nullable(after?.Tier, NpgsqlDbType.Integer),
    };

    private static NpgsqlParameter Nullable(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };

    private static PagedList<ProductDto> Empty(ListProductsQuery query) => new([], query.After is null ? query.Page : null, query.PageSize, 0);
}
