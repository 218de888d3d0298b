using Ecommerce.Application.Abstractions;
using Ecommerce.Application.Products;
using Ecommerce.Domain.Catalog;
using Ecommerce.Infrastructure.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;

namespace Ecommerce.Infrastructure.Persistence.Products;

/// <summary>
/// The product writes as single statements for plain Npgsql. Like <see cref="DtoRows{TDto}"/>, their
/// columns come from EF Core's model by name, and each parameter is typed by the column's EF Core
/// type mapping: an insert writes every property the database does not generate, an update the
/// members of <see cref="ProductDetails"/>, the slug and the update time. A field added to the entity
/// (and to the details) is written without an edit here.
/// </summary>
internal sealed class ProductWriteSql
{
    private readonly IReadOnlyList<ColumnValue<Product>> _inserted;
    private readonly IReadOnlyList<ColumnValue<ProductRevision>> _updated;
    private readonly NpgsqlParameter _id;

    private ProductWriteSql(IEntityType entity)
    {
        var table = entity.GetTableName();
        var id = entity.FindPrimaryKey()?.Properties.Single()
            ?? throw new InvalidOperationException($"{entity.DisplayName()} has no key.");
        var version = entity.GetProperties().Single(property => property.IsConcurrencyToken && property.ValueGenerated == ValueGenerated.OnAddOrUpdate);
        var isActive = Property(entity, nameof(Product.IsActive)).GetColumnName();
        _id = TypedParameter(id);

        _inserted = entity.GetProperties()
            .Where(property => !property.ValueGenerated.HasFlag(ValueGenerated.OnAdd))
            .Select(property => ColumnValue<Product>.Of(property, product => property.GetGetter().GetClrValueUsingContainingEntity(product)))
            .ToArray();
        Insert = $"""
            INSERT INTO {table} ({string.Join(", ", _inserted.Select(column => column.Name))})
            VALUES ({string.Join(", ", _inserted.Select((_, index) => "$" + (index + 1)))})
            RETURNING {id.GetColumnName()}, {version.GetColumnName()}
            """;

        var slug = Property(entity, nameof(Product.Slug));
        _updated =
        [
            .. typeof(ProductDetails).GetProperties().Select(member => ColumnValue<ProductRevision>.Of(
                Property(entity, member.Name), revision => member.GetValue(revision.Details))),
            ColumnValue<ProductRevision>.Of(slug, revision => revision.Slug?.Value),
            ColumnValue<ProductRevision>.Of(Property(entity, nameof(Product.UpdatedAt)), revision => revision.UpdatedAt),
        ];
        // $1 is the id; the revision's values follow; the versions If-Match accepts come last.
        var assignments = _updated.Select((column, index) => column.Name == slug.GetColumnName()
            ? $"{column.Name} = coalesce(${index + 2}, {column.Name})"
            : $"{column.Name} = ${index + 2}");
        var versions = "$" + (_updated.Count + 2);
        Rows = DtoRows<ProductDto>.Of<Product>(entity.Model);
        Update = $"""
            UPDATE {table} SET {string.Join(", ", assignments)}
            WHERE {id.GetColumnName()} = $1 AND {isActive} AND ({versions}::xid[] IS NULL OR {version.GetColumnName()} = ANY ({versions}))
            RETURNING {Rows.Columns}
            """;
        IsActive = $"SELECT EXISTS (SELECT 1 FROM {table} WHERE {id.GetColumnName()} = $1 AND {isActive})";
    }

    /// <summary>Returns the new row's id and version (<see cref="ReadKeys"/>).</summary>
    public string Insert { get; }

    /// <summary>Returns the row as <see cref="Rows"/> reads it; no row when the product is missing, inactive or of another version.</summary>
    public string Update { get; }

    /// <summary>After an update that changed nothing: whether the product is there (then its version differed).</summary>
    public string IsActive { get; }

    public DtoRows<ProductDto> Rows { get; }

    public static ProductWriteSql From(IModel model) =>
        new(model.FindEntityType(typeof(Product)) ?? throw new InvalidOperationException("Product is not in the model."));

    public ProductKeys ReadKeys(NpgsqlDataReader row) => new(row.GetFieldValue<int>(0), row.GetFieldValue<uint>(1));

    public void AddInsertParameters(NpgsqlParameterCollection parameters, Product product)
    {
        foreach (var column in _inserted)
        {
            parameters.Add(column.Parameter(product));
        }
    }

    /// <param name="versions">The versions the row may have, or null for any.</param>
    public void AddUpdateParameters(NpgsqlParameterCollection parameters, int id, ProductRevision revision, uint[]? versions)
    {
        parameters.Add(Id(id));
        foreach (var column in _updated)
        {
            parameters.Add(column.Parameter(revision));
        }

        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Xid, Value = (object?)versions ?? DBNull.Value });
    }

    public NpgsqlParameter Id(int id)
    {
        var parameter = _id.Clone();
        parameter.Value = id;
        return parameter;
    }

    private static IProperty Property(IEntityType entity, string name) =>
        entity.GetProperties().SingleOrDefault(property => string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"{entity.DisplayName()} has no property {name}.");

    /// <summary>An unnamed (positional) parameter typed as EF Core types the property's column, to be cloned for each value.</summary>
    private static NpgsqlParameter TypedParameter(IProperty property)
    {
        using var command = new NpgsqlCommand();
        return (NpgsqlParameter)property.GetRelationalTypeMapping().CreateParameter(command, string.Empty, null, property.IsNullable);
    }

    /// <summary>A column and where its value comes from, with a parameter typed as EF Core types the column.</summary>
    private sealed record ColumnValue<TSource>(string Name, Func<TSource, object?> Value, NpgsqlParameter Template, ValueConverter? Converter)
    {
        public static ColumnValue<TSource> Of(IProperty property, Func<TSource, object?> value) =>
            new(property.GetColumnName(), value, TypedParameter(property), property.GetRelationalTypeMapping().Converter);

        public NpgsqlParameter Parameter(TSource source)
        {
            var parameter = Template.Clone();
            var value = Value(source);
            parameter.Value = (value is null || Converter is null ? value : Converter.ConvertToProvider(value)) ?? DBNull.Value;
            return parameter;
        }
    }
}
