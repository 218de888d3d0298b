using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ecommerce.WebApi.FunctionalTests.Infrastructure;

/// <summary>Mints bearer tokens the way an identity provider would, with a key only the tests know.</summary>
public sealed class TestTokens
{
    public const string Issuer = "catalog-tests";
    public const string Audience = "catalog-api";

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Base64Key => Convert.ToBase64String(_key);

    /// <summary>The configuration the service needs to trust these tokens, as <c>dotnet user-jwts</c> writes it.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Authentication:Schemes:Bearer:ValidIssuer"] = Issuer,
        ["Authentication:Schemes:Bearer:ValidAudiences:0"] = Audience,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = Issuer,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = Base64Key,
    };

    public string Admin() => Create(roles: ["admin"]);

    public string Create(string[] roles, TimeSpan? lifetime = null, byte[]? signingKey = null, string audience = Audience, string subject = "tester")
    {
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(10));
        var claims = new List<Claim> { new("sub", subject), new("unique_name", subject) };
        claims.AddRange(roles.Select(role => new Claim("role", role)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = expires < now ? expires.AddMinutes(-10) : now,
            IssuedAt = expires < now ? expires.AddMinutes(-10) : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(signingKey ?? _key), SecurityAlgorithms.HmacSha256),
        });
    }
}
