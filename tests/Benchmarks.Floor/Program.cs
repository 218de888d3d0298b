using System.Globalization;
using System.Text;
using Ecommerce.Benchmarks.Floor;
using Npgsql;
using NpgsqlTypes;

// The floor of the catalog API's own stack: the same routes, JSON and SQL, with nothing between
// Kestrel and Npgsql. bench/run.sh compares the API with it, operation by operation.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, FloorJson.Default));
builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(builder.Configuration.GetConnectionString("Catalog")!));
var app = builder.Build();

var api = app.MapGroup("/api/v1");

api.MapGet("/products/{id:int}", async (int id, NpgsqlDataSource db, HttpResponse response) =>
    await OneProductAsync(db, CatalogSql.ProductById, id, response));

api.MapGet("/products/by-slug/{slug}", async (string slug, NpgsqlDataSource db, HttpResponse response) =>
    await OneProductAsync(db, CatalogSql.ProductBySlug, slug, response));

api.MapGet("/categories/by-slug/{slug}", async (string slug, NpgsqlDataSource db, HttpResponse response) =>
{
    await using var command = db.CreateCommand(CatalogSql.CategoryBySlug);
    command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = slug });
    await using var reader = await command.ExecuteReaderAsync();
    if (!await reader.ReadAsync())
    {
        return Results.NotFound();
    }

    var category = new CategoryRow(reader.GetInt32(0), reader.GetString(1), reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetInt32(3), reader.GetBoolean(4), reader.GetDateTime(5), reader.GetDateTime(6))
    {
        Version = reader.GetFieldValue<uint>(7),
    };
    response.Headers.ETag = ETag(category.Version);
    return Results.Ok(category);
});

api.MapGet("/products", async (HttpRequest request, NpgsqlDataSource db) =>
{
    var query = request.Query;
    var page = int.Parse(query["page"].FirstOrDefault() ?? "1", CultureInfo.InvariantCulture);
    var pageSize = int.Parse(query["pageSize"].FirstOrDefault() ?? "20", CultureInfo.InvariantCulture);
    await using var connection = await db.OpenConnectionAsync();

    var where = new StringBuilder("p.is_active");
    var parameters = new List<NpgsqlParameter>();
    if (query["category"].FirstOrDefault() is { } categorySlug)
    {
        var ids = new List<int>();
        await using (var subtree = new NpgsqlCommand(CatalogSql.Subtree, connection))
        {
            subtree.Parameters.Add(new NpgsqlParameter<string> { TypedValue = categorySlug });
            await using var reader = await subtree.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetInt32(0));
            }
        }

        parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. ids] });
        where.Append(CultureInfo.InvariantCulture, $" AND p.category_id = ANY(${parameters.Count})");
    }

    if (query["q"].FirstOrDefault() is { } q)
    {
        parameters.Add(new NpgsqlParameter<string> { TypedValue = "%" + q.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%" });
        where.Append(CultureInfo.InvariantCulture, $" AND p.name ILIKE ${parameters.Count} ESCAPE '\\'");
    }

    if (query["minPrice"].FirstOrDefault() is { } min)
    {
        parameters.Add(new NpgsqlParameter<decimal> { TypedValue = decimal.Parse(min, CultureInfo.InvariantCulture) });
        where.Append(CultureInfo.InvariantCulture, $" AND p.price >= ${parameters.Count}");
    }

    if (query["maxPrice"].FirstOrDefault() is { } max)
    {
        parameters.Add(new NpgsqlParameter<decimal> { TypedValue = decimal.Parse(max, CultureInfo.InvariantCulture) });
        where.Append(CultureInfo.InvariantCulture, $" AND p.price <= ${parameters.Count}");
    }

    // Like the API: a list filtered by category alone is counted from the per-category counters.
    var categoryOnly = query["q"].Count == 0 && query["minPrice"].Count == 0 && query["maxPrice"].Count == 0;
    var countSql = !categoryOnly ? $"SELECT count(*)::int FROM products AS p WHERE {where}"
        : parameters.Count == 0 ? CatalogSql.CountAll
        : CatalogSql.CountCategories;
    int total;
    await using (var count = new NpgsqlCommand(countSql, connection))
    {
        count.Parameters.AddRange(parameters.Select(parameter => parameter.Clone()).ToArray());
        total = (int)(await count.ExecuteScalarAsync())!;
    }

    var order = (query["sort"].FirstOrDefault() ?? "name") switch
    {
        "-name" => "p.name DESC, p.id DESC",
        "price" => "p.price, p.id",
        "-price" => "p.price DESC, p.id DESC",
        "rating" => "p.rating, p.id",
        "-rating" => "p.rating DESC, p.id DESC",
        "newest" => "p.created_at DESC, p.id DESC",
        _ => "p.name, p.id",
    };
    var items = new List<ProductRow>(pageSize);
    await using (var select = new NpgsqlCommand(
        $"SELECT {CatalogSql.ProductColumns} FROM products AS p WHERE {where} ORDER BY {order} LIMIT {pageSize} OFFSET {(long)(page - 1) * pageSize}",
        connection))
    {
        select.Parameters.AddRange(parameters.ToArray());
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            items.Add(CatalogSql.ReadProduct(reader));
        }
    }

    return Results.Ok(new ProductPage(items, page, pageSize, total, (total + pageSize - 1) / pageSize));
});

api.MapPost("/products", async (ProductBody body, NpgsqlDataSource db, HttpResponse response) =>
{
    await using var connection = await db.OpenConnectionAsync();
    if (!await ScalarAsync<bool>(connection, CatalogSql.CategoryIsActive, new NpgsqlParameter<int> { TypedValue = body.CategoryId }))
    {
        return Results.BadRequest();
    }

    var slug = body.Slug ?? Slugify(body.Name);
    if (await ScalarAsync<bool>(connection, CatalogSql.SlugTaken, new NpgsqlParameter<string> { TypedValue = slug }))
    {
        return Results.Conflict();
    }

    await using var insert = new NpgsqlCommand(CatalogSql.Insert, connection);
    insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = body.Name });
    insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = slug });
    insert.Parameters.Add(new NpgsqlParameter { Value = (object?)body.Description ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
    insert.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = body.Price });
    insert.Parameters.Add(new NpgsqlParameter { Value = (object?)body.ImageUrl ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
    insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = body.Stock });
    insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = body.CategoryId });
    insert.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = DateTime.UtcNow });
    await using var reader = await insert.ExecuteReaderAsync();
    await reader.ReadAsync();
    var product = CatalogSql.ReadProduct(reader);
    response.Headers.ETag = ETag(product.Version);
    return Results.Created($"/api/v1/products/{product.Id}", product);
});

api.MapPut("/products/{id:int}", async (int id, ProductBody body, NpgsqlDataSource db, HttpRequest request, HttpResponse response) =>
{
    await using var connection = await db.OpenConnectionAsync();
    ProductRow? current;
    await using (var select = new NpgsqlCommand(CatalogSql.ProductForUpdate, connection))
    {
        select.Parameters.Add(new NpgsqlParameter<int> { TypedValue = id });
        await using var reader = await select.ExecuteReaderAsync();
        current = await reader.ReadAsync() ? CatalogSql.ReadProduct(reader) : null;
    }

    if (current is not { IsActive: true })
    {
        return Results.NotFound();
    }

    if (request.Headers.IfMatch.Count > 0 && request.Headers.IfMatch != ETag(current.Version))
    {
        return Results.StatusCode(StatusCodes.Status412PreconditionFailed);
    }

    if (!await ScalarAsync<bool>(connection, CatalogSql.CategoryIsActive, new NpgsqlParameter<int> { TypedValue = body.CategoryId }))
    {
        return Results.BadRequest();
    }

    await using var update = new NpgsqlCommand(CatalogSql.Update, connection);
    update.Parameters.Add(new NpgsqlParameter<int> { TypedValue = id });
    update.Parameters.Add(new NpgsqlParameter<string> { TypedValue = body.Name });
    update.Parameters.Add(new NpgsqlParameter { Value = (object?)body.Description ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
    update.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = body.Price });
    update.Parameters.Add(new NpgsqlParameter { Value = (object?)body.ImageUrl ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
    update.Parameters.Add(new NpgsqlParameter<int> { TypedValue = body.Stock });
    update.Parameters.Add(new NpgsqlParameter<int> { TypedValue = body.CategoryId });
    update.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = DateTime.UtcNow });
    update.Parameters.Add(new NpgsqlParameter<uint> { TypedValue = current.Version, NpgsqlDbType = NpgsqlDbType.Xid });
    await using var updated = await update.ExecuteReaderAsync();
    if (!await updated.ReadAsync())
    {
        return Results.StatusCode(StatusCodes.Status412PreconditionFailed);
    }

    var product = CatalogSql.ReadProduct(updated);
    response.Headers.ETag = ETag(product.Version);
    return Results.Ok(product);
});

app.Run();

static async Task<IResult> OneProductAsync<T>(NpgsqlDataSource db, string sql, T key, HttpResponse response)
{
    await using var command = db.CreateCommand(sql);
    command.Parameters.Add(new NpgsqlParameter<T> { TypedValue = key });
    await using var reader = await command.ExecuteReaderAsync();
    if (!await reader.ReadAsync())
    {
        return Results.NotFound();
    }

    var product = CatalogSql.ReadProduct(reader);
    response.Headers.ETag = ETag(product.Version);
    return Results.Ok(product);
}

static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, NpgsqlParameter parameter)
{
    await using var command = new NpgsqlCommand(sql, connection);
    command.Parameters.Add(parameter);
    return (T)(await command.ExecuteScalarAsync())!;
}

static string ETag(uint version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

static string Slugify(string name)
{
    var slug = new StringBuilder(name.Length);
    foreach (var character in name.ToLowerInvariant())
    {
        if (char.IsAsciiLetterOrDigit(character))
        {
            slug.Append(character);
        }
        else if (slug.Length > 0 && slug[^1] != '-')
        {
            slug.Append('-');
        }
    }

    return slug.ToString().Trim('-');
}
