namespace Ecommerce.Domain.UnitTests.Catalog;

/// <summary>Gives an entity the id the database would, to test rules that depend on it.</summary>
internal static class EntityIds
{
    public static T WithId<T>(this T entity, int id)
        where T : class
    {
        typeof(T).GetProperty("Id")!.SetValue(entity, id);
        return entity;
    }
}
