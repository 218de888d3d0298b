using System.Globalization;

namespace Ecommerce.WebApi.Http;

/// <summary>
/// <c>{id:digits}</c>: an id as the contract spells it, ASCII digits only, that fits an int. The
/// built-in <c>int</c> constraint also takes a sign and surrounding white space (<c>/products/1%0A</c>).
/// </summary>
public sealed class DigitsRouteConstraint : IRouteConstraint
{
    public const string Name = "digits";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value)
        && Convert.ToString(value, CultureInfo.InvariantCulture) is { Length: > 0 } text
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _);
}
