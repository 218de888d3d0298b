namespace Ecommerce.Application.Caching;

/// <summary>The catalog's tables whose changes a read can show.</summary>
[Flags]
public enum CatalogTables
{
    Categories = 1,
    Products = 2,
}
