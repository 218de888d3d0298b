using System.Security.Claims;

namespace Ecommerce.WebApi.Hosting;

/// <summary>Who a validated bearer token speaks for, as the limits and idempotency keys count clients.</summary>
internal static class ClientIdentity
{
    private const string SubjectClaim = "sub";

    /// <summary>
    /// The token's user name, else its subject, qualified by the issuer that vouched for it; null for
    /// a request without a validated token (authentication leaves such a principal unauthenticated).
    /// </summary>
    public static string? NameOf(ClaimsPrincipal user) =>
        user.Identity is ClaimsIdentity { IsAuthenticated: true } identity
            ? Qualified(identity.FindFirst(identity.NameClaimType) ?? SubjectOf(identity))
            : null;

    /// <summary>The token's subject (<c>sub</c>), else its user name: the identity an idempotency key belongs to.</summary>
    public static string? SubjectOf(ClaimsPrincipal user) =>
        user.Identity is ClaimsIdentity { IsAuthenticated: true } identity
            ? Qualified(SubjectOf(identity) ?? identity.FindFirst(identity.NameClaimType))
            : null;

    // JwtBearer maps "sub" to the name identifier claim type unless inbound claim mapping is turned off.
    private static Claim? SubjectOf(ClaimsIdentity identity) =>
        identity.FindFirst(SubjectClaim) ?? identity.FindFirst(ClaimTypes.NameIdentifier);

    private static string? Qualified(Claim? claim) =>
        string.IsNullOrEmpty(claim?.Value) ? null : claim.Issuer + " " + claim.Value;
}
