using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ecommerce.Benchmarks.Floor;
using Npgsql;
using NpgsqlTypes;

// The floor of the catalog API's own stack: the same routes, JSON and SQL, with nothing between
// Kestrel and Npgsql. bench/run.sh compares the API with it, operation by operation.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, FloorJson.Default));
builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(builder.Configuration.GetConnectionString("Catalog"))
{
    // Every statement below is prepared on each connection after its second use, and, since nothing
    // here leaves session state behind, a connection goes back to the pool without a reset.
    MaxAutoPrepare = 32,
    AutoPrepareMinUsages = 2,
    NoResetOnClose = true,
}.ConnectionString));
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
    SetTag(response, ETag(category.Version));
    return Results.Ok(category);
});

// Two round trips whatever the filter: the list's version (its tag) with the category subtree, then
// the count with the page. The API's answers, same SQL for each part.
api.MapGet("/products", async (HttpRequest request, HttpResponse response, NpgsqlDataSource db) =>
{
    var query = request.Query;
    var page = int.Parse(query["page"].FirstOrDefault() ?? "1", CultureInfo.InvariantCulture);
    var pageSize = int.Parse(query["pageSize"].FirstOrDefault() ?? "20", CultureInfo.InvariantCulture);
    await using var connection = await db.OpenConnectionAsync();

    long version;
    var ids = new List<int>();
    var categorySlug = query["category"].FirstOrDefault();
    await using (var first = new NpgsqlBatch(connection))
    {
        first.BatchCommands.Add(new NpgsqlBatchCommand(CatalogSql.ListVersion));
        if (categorySlug is not null)
        {
            first.BatchCommands.Add(new NpgsqlBatchCommand(CatalogSql.Subtree) { Parameters = { new NpgsqlParameter<string> { TypedValue = categorySlug } } });
        }

        await using var reader = await first.ExecuteReaderAsync();
        await reader.ReadAsync();
        version = reader.GetInt64(0);
        if (categorySlug is not null)
        {
            await reader.NextResultAsync();
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetInt32(0));
            }
        }
    }

    var where = new StringBuilder("p.is_active");
    var parameters = new List<NpgsqlParameter>();
    if (categorySlug is not null)
    {
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
    // Paging as parameters, so that every page of a query is one prepared statement.
    var pageSql = $"SELECT {CatalogSql.ProductColumns} FROM products AS p WHERE {where} ORDER BY {order} "
        + $"LIMIT ${parameters.Count + 1} OFFSET ${parameters.Count + 2}";

    int total;
    var items = new List<ProductRow>(pageSize);
    await using (var second = new NpgsqlBatch(connection))
    {
        var count = new NpgsqlBatchCommand(countSql);
        count.Parameters.AddRange(parameters.Select(parameter => parameter.Clone()).ToArray());
        var select = new NpgsqlBatchCommand(pageSql);
        select.Parameters.AddRange(parameters.ToArray());
        select.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pageSize });
        select.Parameters.Add(new NpgsqlParameter<long> { TypedValue = (long)(page - 1) * pageSize });
        second.BatchCommands.Add(count);
        second.BatchCommands.Add(select);
        await using var reader = await second.ExecuteReaderAsync();
        await reader.ReadAsync();
        total = reader.GetInt32(0);
        await reader.NextResultAsync();
        while (await reader.ReadAsync())
        {
            items.Add(CatalogSql.ReadProduct(reader));
        }
    }

    SetTag(response, ListTag(version, request));
    return Results.Ok(new ProductPage(items, page, pageSize, total, (total + pageSize - 1) / pageSize));
});

// One statement: the unique slug index and the product rules' trigger (active category) refuse
// what the API's lookups would have refused.
api.MapPost("/products", async (ProductBody body, NpgsqlDataSource db, HttpResponse response) =>
{
    await using var insert = db.CreateCommand(CatalogSql.Insert);
    insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = body.Name });
    insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = body.Slug ?? Slugify(body.Name) });
    insert.Parameters.Add(new NpgsqlParameter { Value = (object?)body.Description ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
    insert.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = body.Price });
    insert.Parameters.Add(new NpgsqlParameter { Value = (object?)body.ImageUrl ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
    insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = body.Stock });
    insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = body.CategoryId });
    insert.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = DateTime.UtcNow });
    try
    {
        await using var reader = await insert.ExecuteReaderAsync();
        await reader.ReadAsync();
        var product = CatalogSql.ReadProduct(reader);
        response.Headers.ETag = ETag(product.Version);
        return Results.Created($"/api/v1/products/{product.Id}", product);
    }
    catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
    {
        return Results.Conflict();
    }
    catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.CheckViolation or PostgresErrorCodes.ForeignKeyViolation)
    {
        return Results.BadRequest();
    }
});

// One statement on success: the version check is in the update's WHERE; only a refused update
// looks again, to tell 404 from 412.
api.MapPut("/products/{id:int}", async (int id, ProductBody body, NpgsqlDataSource db, HttpRequest request, HttpResponse response) =>
{
    uint? expected = null;
    if (request.Headers.IfMatch.Count > 0)
    {
        var tag = request.Headers.IfMatch.ToString();
        if (tag.Length < 3 || !uint.TryParse(tag.AsSpan(1, tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return Results.StatusCode(StatusCodes.Status412PreconditionFailed);
        }

        expected = version;
    }

    await using var connection = await db.OpenConnectionAsync();
    await using (var update = new NpgsqlCommand(CatalogSql.Update, connection))
    {
        update.Parameters.Add(new NpgsqlParameter<int> { TypedValue = id });
        update.Parameters.Add(new NpgsqlParameter<string> { TypedValue = body.Name });
        update.Parameters.Add(new NpgsqlParameter { Value = (object?)body.Description ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
        update.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = body.Price });
        update.Parameters.Add(new NpgsqlParameter { Value = (object?)body.ImageUrl ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
        update.Parameters.Add(new NpgsqlParameter<int> { TypedValue = body.Stock });
        update.Parameters.Add(new NpgsqlParameter<int> { TypedValue = body.CategoryId });
        update.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = DateTime.UtcNow });
        update.Parameters.Add(new NpgsqlParameter { Value = expected is { } value ? value : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Xid });
        try
        {
            await using var updated = await update.ExecuteReaderAsync();
            if (await updated.ReadAsync())
            {
                var product = CatalogSql.ReadProduct(updated);
                response.Headers.ETag = ETag(product.Version);
                return Results.Ok(product);
            }
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.CheckViolation or PostgresErrorCodes.ForeignKeyViolation)
        {
            return Results.BadRequest();
        }
    }

    return await ScalarAsync<bool>(connection, CatalogSql.ProductIsActive, new NpgsqlParameter<int> { TypedValue = id })
        ? Results.StatusCode(StatusCodes.Status412PreconditionFailed)
        : Results.NotFound();
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
    SetTag(response, ETag(product.Version));
    return Results.Ok(product);
}

static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, NpgsqlParameter parameter)
{
    await using var command = new NpgsqlCommand(sql, connection);
    command.Parameters.Add(parameter);
    return (T)(await command.ExecuteScalarAsync())!;
}

static string ETag(uint version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

// The API's tags and cache policy on reads; the floor never answers 304 itself: it is the full read
// that a conditional answer is measured against.
static void SetTag(HttpResponse response, string tag)
{
    response.Headers.ETag = tag;
    response.Headers.CacheControl = "public, no-cache";
}

static string ListTag(long version, HttpRequest request)
{
    var text = new StringBuilder(request.Path.Value);
    foreach (var (name, values) in request.Query.OrderBy(parameter => parameter.Key, StringComparer.Ordinal))
    {
        foreach (var value in values)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{name.Length}:{name}={value?.Length ?? -1}:{value}");
        }
    }

    var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
    return string.Create(CultureInfo.InvariantCulture, $"W/\"{version}-{Convert.ToHexStringLower(hash.AsSpan(0, 8))}\"");
}

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
