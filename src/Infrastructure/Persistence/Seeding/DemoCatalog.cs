namespace Ecommerce.Infrastructure.Persistence.Seeding;

/// <summary>The demo catalog: root categories, two levels below them, and five products per leaf.</summary>
internal static class DemoCatalog
{
    public sealed record Node(string Name, Node[] Children, string[] Products);

    public static readonly Node[] Roots =
    [
        new("Electronics", [
            new("Смартфоны", [
                new("Android", [], ["Galaxy S25", "Pixel 10", "Xiaomi 15", "OnePlus 13", "Moto Edge 60"]),
                new("iPhone", [], ["iPhone 17", "iPhone 17 Pro", "iPhone 16e", "iPhone Air", "iPhone 17 Pro Max"]),
            ], []),
            new("Laptops", [
                new("Ultrabooks", [], ["ZenBook 14", "XPS 13", "MacBook Air 13", "Swift Go 14", "Yoga Slim 7"]),
                new("Gaming laptops", [], ["ROG Strix G16", "Legion 5", "Omen 16", "Predator Helios", "Alienware m16"]),
            ], []),
        ], []),
        new("Home & Kitchen", [
            new("Kitchen appliances", [
                new("Coffee machines", [], ["Barista Pro", "Espresso Café & Bar", "Moka Express", "French Press 1 L", "Drip Brewer"]),
                new("Блендеры", [], ["Блендер Vitamix", "Блендер Bosch", "Блендер Philips", "Hand Blender", "Smoothie Maker"]),
            ], []),
            new("Furniture", [
                new("Chairs", [], ["Office Chair", "Рабочее кресло", "Bar Stool", "Rocking Chair", "Folding Chair"]),
            ], []),
        ], []),
        new("Книги", [
            new("Художественная литература", [
                new("Фантастика", [], ["Пикник на обочине", "Солярис", "Мы", "Понедельник начинается в субботу", "Аэлита"]),
            ], []),
            new("Non-fiction", [
                new("History", [], ["SPQR", "The Silk Roads", "Guns, Germs, and Steel", "Sapiens", "The Guns of August"]),
            ], []),
        ], []),
        new("Sports", [
            new("Cycling", [
                new("Helmets", [], ["Road Helmet", "MTB Helmet", "Kids Helmet", "Commuter Helmet", "Aero Helmet"]),
            ], []),
        ], []),
    ];
}
