using System.Net;
using System.Threading.RateLimiting;

namespace Ecommerce.WebApi.Hosting;

/// <summary>
/// Which budget a request draws from. An admin token counts against its own identity with the admin
/// limits, so that bulk work is not throttled by what others send; any other validated token against
/// its identity with the ordinary limits; a request without a validated token (none, expired, forged)
/// against the client's address. A token that fails validation therefore never touches an admin's budget.
/// </summary>
internal static class ClientRateLimits
{
    public static RateLimitPartition<string> Reads(HttpContext context, CatalogLimits limits) =>
        Partition(context, limits.Reads, limits.Admin.Reads);

    public static RateLimitPartition<string> Writes(HttpContext context, CatalogLimits limits) =>
        Partition(context, limits.Writes, limits.Admin.Writes);

    private static RateLimitPartition<string> Partition(HttpContext context, CatalogLimits.RateLimit limit, CatalogLimits.RateLimit adminLimit)
    {
        var (client, chosen) = ClientIdentity.NameOf(context.User) is { } name
            ? context.User.IsInRole(Security.AdminRole) ? ("admin:" + name, adminLimit) : ("user:" + name, limit)
            : ("ip:" + Address(context.Connection.RemoteIpAddress), limit);
        return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = chosen.PermitLimit,
            Window = TimeSpan.FromSeconds(chosen.WindowSeconds),
            QueueLimit = 0,
        });
    }

    /// <summary>One partition per client, whether it came over IPv4 or as an IPv4-mapped IPv6 address.</summary>
    private static string Address(IPAddress? address) =>
        address is null ? "unknown" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
