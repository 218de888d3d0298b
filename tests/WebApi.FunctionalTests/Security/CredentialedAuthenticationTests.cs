using Ecommerce.WebApi.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using NSubstitute;

namespace Ecommerce.WebApi.FunctionalTests.Security;

public sealed class CredentialedAuthenticationTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("Bearer")]
    public async Task A_request_without_an_authorization_header_is_anonymous_without_asking_the_framework(string? scheme)
    {
        var services = Substitute.For<IServiceProvider>();
        var context = new DefaultHttpContext { RequestServices = services };

        var result = await new CredentialedAuthentication(typeof(IAuthenticationService)).AuthenticateAsync(context, scheme);

        Assert.True(result.None);
        Assert.Null(result.Principal);
        services.DidNotReceiveWithAnyArgs().GetService(default!);
    }

    [Theory]
    [InlineData("Bearer abc", null)]
    [InlineData(null, "Cookies")]
    public async Task A_request_with_credentials_or_for_another_scheme_goes_to_the_framework(string? authorization, string? scheme)
    {
        var framework = Substitute.For<IAuthenticationService>();
        var expected = AuthenticateResult.Fail("forged");
        framework.AuthenticateAsync(Arg.Any<HttpContext>(), scheme).Returns(expected);
        var services = Substitute.For<IServiceProvider>();
        services.GetService(typeof(IAuthenticationService)).Returns(framework);
        var context = new DefaultHttpContext { RequestServices = services };
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        var result = await new CredentialedAuthentication(typeof(IAuthenticationService)).AuthenticateAsync(context, scheme);

        Assert.Same(expected, result);
    }

    [Fact]
    public async Task Challenges_always_go_to_the_framework()
    {
        var framework = Substitute.For<IAuthenticationService>();
        var services = Substitute.For<IServiceProvider>();
        services.GetService(typeof(IAuthenticationService)).Returns(framework);
        var context = new DefaultHttpContext { RequestServices = services };

        await new CredentialedAuthentication(typeof(IAuthenticationService)).ChallengeAsync(context, null, null);

        await framework.Received(1).ChallengeAsync(context, null, null);
    }

    [Fact]
    public void An_ipv4_client_is_one_partition_whether_it_came_over_ipv4_or_mapped_into_ipv6() =>
        Assert.Equal(RateLimitClient.Of(IPAddress.Parse("10.1.2.3")), RateLimitClient.Of(IPAddress.Parse("::ffff:10.1.2.3")));
}
