using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Ecommerce.Infrastructure.Persistence.Rows;

/// <summary>
/// A DTO read straight from its entity's table with plain Npgsql, for the busiest reads. The column
/// list and the reader are both made from EF Core's model: each constructor parameter and settable
/// property of the DTO takes the column of the entity property of the same name. A field added to
/// the entity and the DTO is read without an edit here, and no column can shift another.
/// </summary>
internal sealed class DtoRows<TDto>
{
    private DtoRows(string table, string columns, Func<NpgsqlDataReader, TDto> read)
    {
        Table = table;
        Columns = columns;
        Read = read;
    }

    public string Table { get; }

    /// <summary>The select list, in the order <see cref="Read"/> expects.</summary>
    public string Columns { get; }

    public Func<NpgsqlDataReader, TDto> Read { get; }

    public static DtoRows<TDto> Of<TEntity>(IModel model)
    {
        var entity = model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var constructor = typeof(TDto).GetConstructors().MaxBy(candidate => candidate.GetParameters().Length)
            ?? throw new InvalidOperationException($"{typeof(TDto).Name} has no public constructor.");
        var parameters = constructor.GetParameters();
        var initialized = typeof(TDto).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.SetMethod is { IsPublic: true }
                && !parameters.Any(parameter => string.Equals(parameter.Name, property.Name, StringComparison.OrdinalIgnoreCase)))
            .ToArray();

        var columns = new List<string>();
        var row = Expression.Parameter(typeof(NpgsqlDataReader), "row");
        Expression ReadColumn(string member, Type type)
        {
            var property = entity.GetProperties().SingleOrDefault(candidate => string.Equals(candidate.Name, member, StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidOperationException($"{typeof(TDto).Name}.{member} has no property of the same name on {typeof(TEntity).Name}.");
            columns.Add(property.GetColumnName());
            return ColumnValue(row, columns.Count - 1, type);
        }

        var body = Expression.MemberInit(
            Expression.New(constructor, parameters.Select(parameter => ReadColumn(parameter.Name!, parameter.ParameterType))),
            initialized.Select(property => Expression.Bind(property, ReadColumn(property.Name, property.PropertyType))));
        var read = Expression.Lambda<Func<NpgsqlDataReader, TDto>>(body, row).Compile();
        return new DtoRows<TDto>(entity.GetTableName()!, string.Join(", ", columns), read);
    }

    /// <summary><c>row.GetFieldValue&lt;T&gt;(ordinal)</c>, or the default when the column is null and the type allows it.</summary>
    private static Expression ColumnValue(ParameterExpression row, int ordinal, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var index = Expression.Constant(ordinal);
        Expression value = Expression.Call(row, nameof(NpgsqlDataReader.GetFieldValue), [underlying], index);
        if (underlying != type)
        {
            value = Expression.Convert(value, type);
        }

        if (type.IsValueType && underlying == type)
        {
            return value;
        }

        return Expression.Condition(
            Expression.Call(row, nameof(NpgsqlDataReader.IsDBNull), Type.EmptyTypes, index),
            Expression.Default(type),
            value);
    }
}
