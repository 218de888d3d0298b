using Ecommerce.WebApi.Hosting;
using Microsoft.Extensions.Logging;
using NSubstitute;

namespace Ecommerce.WebApi.FunctionalTests.Logging;

public sealed class CachingLoggerFactoryTests
{
    [Fact]
    public void A_category_asks_the_inner_factory_once_and_gets_the_same_logger_after()
    {
        var inner = Substitute.For<ILoggerFactory>();
        inner.CreateLogger(Arg.Any<string>()).Returns(_ => Substitute.For<ILogger>());
        using var factory = new CachingLoggerFactory(inner);

        var first = factory.CreateLogger("Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerHandler");
        var again = factory.CreateLogger("Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerHandler");
        var other = factory.CreateLogger("Ecommerce.WebApi");

        Assert.Same(first, again);
        Assert.NotSame(first, other);
        inner.Received(1).CreateLogger("Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerHandler");
        inner.Received(1).CreateLogger("Ecommerce.WebApi");
    }

    [Fact]
    public void Disposing_it_disposes_the_inner_factory()
    {
        var inner = Substitute.For<ILoggerFactory>();

        new CachingLoggerFactory(inner).Dispose();

        inner.Received(1).Dispose();
    }
}
