using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Ecommerce.WebApi.Hosting;

/// <summary>
/// Authenticates only requests that carry credentials. A bearer token comes in the <c>Authorization</c>
/// header and nowhere else, so a request without that header is anonymous; the framework would still
/// make a JWT handler per request to find that out, which on an anonymous read was most of the cost of
/// authentication. Everything else (a request with a token, challenges, forbids) goes to the
/// framework's own service.
/// </summary>
internal sealed class CredentialedAuthentication(Type frameworkService) : IAuthenticationService
{
    private static readonly Task<AuthenticateResult> Anonymous = Task.FromResult(AuthenticateResult.NoResult());

    public Task<AuthenticateResult> AuthenticateAsync(HttpContext context, string? scheme) =>
        context.Request.Headers.Authorization.Count == 0 && scheme is null or JwtBearerDefaults.AuthenticationScheme
            ? Anonymous
            : Framework(context).AuthenticateAsync(context, scheme);

    public Task ChallengeAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) =>
        Framework(context).ChallengeAsync(context, scheme, properties);

    public Task ForbidAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) =>
        Framework(context).ForbidAsync(context, scheme, properties);

    public Task SignInAsync(HttpContext context, string? scheme, System.Security.Claims.ClaimsPrincipal principal, AuthenticationProperties? properties) =>
        Framework(context).SignInAsync(context, scheme, principal, properties);

    public Task SignOutAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) =>
        Framework(context).SignOutAsync(context, scheme, properties);

    /// <summary>The framework's service, scoped to the request as the framework registers it.</summary>
    private IAuthenticationService Framework(HttpContext context) =>
        (IAuthenticationService)context.RequestServices.GetRequiredService(frameworkService);

    /// <summary>
    /// Puts this service in front of the one <c>AddAuthentication</c> registered, which stays registered
    /// under its own type. This one is a singleton: an anonymous request resolves nothing for it.
    /// </summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.Last(descriptor => descriptor.ServiceType == typeof(IAuthenticationService) && !descriptor.IsKeyedService);
        var frameworkService = registered.ImplementationType
            ?? throw new InvalidOperationException("The authentication service is expected to be registered by its type.");
        services.Remove(registered);
        services.Add(ServiceDescriptor.Describe(frameworkService, frameworkService, registered.Lifetime));
        services.AddSingleton<IAuthenticationService>(new CredentialedAuthentication(frameworkService));
    }
}
