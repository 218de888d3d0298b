using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features.Authentication;

namespace Ecommerce.WebApi.Hosting;

/// <summary>
/// Which budget a request draws from. An admin token counts against its own identity with the admin
/// limits, so that bulk work is not throttled by what others send; any other validated token against
/// its identity with the ordinary limits; a request without a validated token (none, expired, forged)
/// against the client's address. A token that fails validation therefore never touches an admin's budget.
/// </summary>
internal sealed class ClientRateLimits(CatalogLimits limits)
{
    // Made once: every request of the busiest paths picks its partition, and a limiter factory per
    // request (what RateLimitPartition.GetFixedWindowLimiter makes) would be a closure and a delegate each time.
    private readonly Func<RateLimitClient, RateLimiter> _reads = Window(limits.Reads);
    private readonly Func<RateLimitClient, RateLimiter> _writes = Window(limits.Writes);
    private readonly Func<RateLimitClient, RateLimiter> _adminReads = Window(limits.Admin.Reads);
    private readonly Func<RateLimitClient, RateLimiter> _adminWrites = Window(limits.Admin.Writes);

    public RateLimitPartition<RateLimitClient> Reads(HttpContext context) => Partition(context, _reads, _adminReads);

    public RateLimitPartition<RateLimitClient> Writes(HttpContext context) => Partition(context, _writes, _adminWrites);

    private static RateLimitPartition<RateLimitClient> Partition(
        HttpContext context, Func<RateLimitClient, RateLimiter> limit, Func<RateLimitClient, RateLimiter> adminLimit)
    {
        // The authentication feature holds a user only once a token validated; asking HttpContext.User
        // instead would make an empty principal for every anonymous request.
        if (context.Features.Get<IHttpAuthenticationFeature>()?.User is { } user && ClientIdentity.NameOf(user) is { } name)
        {
            var admin = user.IsInRole(Security.AdminRole);
            return new RateLimitPartition<RateLimitClient>(RateLimitClient.Of(name, admin), admin ? adminLimit : limit);
        }

        return new RateLimitPartition<RateLimitClient>(RateLimitClient.Of(context.Connection.RemoteIpAddress), limit);
    }

    private static Func<RateLimitClient, RateLimiter> Window(CatalogLimits.RateLimit limit)
    {
        var options = new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = TimeSpan.FromSeconds(limit.WindowSeconds),
            QueueLimit = 0,
        };
        return _ => new FixedWindowRateLimiter(options);
    }
}

/// <summary>
/// A rate-limited client: a token's identity (admins apart from the rest) or, without one, an address.
/// The address is kept as it is rather than formatted, which would cost a string on every request.
/// </summary>
internal readonly record struct RateLimitClient(string? Identity, bool Admin, IPAddress? Address)
{
    public static RateLimitClient Of(string identity, bool admin) => new(identity, admin, null);

    /// <summary>One partition per client, whether it came over IPv4 or as an IPv4-mapped IPv6 address.</summary>
    public static RateLimitClient Of(IPAddress? address) =>
        new(null, false, address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address);
}
