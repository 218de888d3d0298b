namespace Ecommerce.Application.UnitTests.Common;

/// <summary>Entities as the database returns them: with an id and a row version.</summary>
internal static class Entities
{
    public static Category Category(int id, string name = "Phones", int? parentId = null, uint version = 7)
    {
        var category = Domain.Catalog.Category.Create(name, Slug.FromName(name), parentId, TestClock.Now.AddDays(-1));
        return Persisted(category, id, version);
    }

    public static Product Product(int id, int categoryId = 1, string name = "Phone X", uint version = 7)
    {
        var product = Domain.Catalog.Product.Create(
            new ProductDetails(name, null, 10m, null, 1, categoryId), Slug.FromName(name), TestClock.Now.AddDays(-1));
        return Persisted(product, id, version);
    }

    private static T Persisted<T>(T entity, int id, uint version)
        where T : class
    {
        typeof(T).GetProperty("Id")!.SetValue(entity, id);
        typeof(T).GetProperty("Version")!.SetValue(entity, version);
        return entity;
    }
}
