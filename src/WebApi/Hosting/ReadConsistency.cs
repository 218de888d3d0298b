using Ecommerce.Infrastructure.Persistence.Replication;
using Microsoft.AspNetCore.Cors.Infrastructure;

namespace Ecommerce.WebApi.Hosting;

/// <summary>
/// Routes each request's queries (reads to a standby, writes to the primary) and carries
/// read-your-writes across standbys in the <see cref="HeaderName"/> header: every successful write
/// answers with a token, and a read that sends it back is served by a host that has the write. Without
/// <c>ConnectionStrings:CatalogReplicas</c> everything reads the primary, so nothing here runs.
/// </summary>
internal static partial class ReadConsistency
{
    public const string HeaderName = "Catalog-Consistency";

    /// <summary>The write has committed; its token needs one short query on the primary.</summary>
    private static readonly TimeSpan IssueBudget = TimeSpan.FromSeconds(1);

    /// <summary>Lets browsers on the allowed origins read the token of a write's response.</summary>
    public static IServiceCollection AddReadConsistency(this IServiceCollection services) =>
        services.PostConfigure<CorsOptions>(options =>
        {
            if (options.GetPolicy(options.DefaultPolicyName) is { Origins.Count: > 0 } policy && !policy.ExposedHeaders.Contains(HeaderName))
            {
                policy.ExposedHeaders.Add(HeaderName);
            }
        });

    public static WebApplication UseReadConsistency(this WebApplication app)
    {
        var routing = app.Services.GetRequiredService<ReadRouting>();
        if (!routing.HasReplicas)
        {
            return app;
        }

        var tokens = app.Services.GetRequiredService<ConsistencyTokens>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ReadConsistency).FullName!);
        app.Use(async (context, next) =>
        {
            var method = context.Request.Method;
            if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
            {
                ReadRouting.UseForThisRequest(await ChooseAsync(routing, context));
            }
            else if (!HttpMethods.IsOptions(method))
            {
                context.Response.OnStarting(() => IssueTokenAsync(context, tokens, logger));
            }

            await next(context);
        });
        return app;
    }

    private static ValueTask<ReadRoute> ChooseAsync(ReadRouting routing, HttpContext context)
    {
        var presented = context.Request.Headers[HeaderName];
        if (presented.Count == 0)
        {
            return ValueTask.FromResult(routing.Choose());
        }

        // A token that cannot be read is no reason to refuse a read: the primary has every write.
        return ConsistencyTokens.TryRead(presented, out var position)
            ? routing.ChooseAsync(position, context.RequestAborted)
            : ValueTask.FromResult(routing.Primary);
    }

    private static async Task IssueTokenAsync(HttpContext context, ConsistencyTokens tokens, ILogger logger)
    {
        if (context.Response.StatusCode is < 200 or > 299)
        {
            return;
        }

        try
        {
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            budget.CancelAfter(IssueBudget);
            context.Response.Headers[HeaderName] = await tokens.IssueAsync(budget.Token);
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException or OperationCanceledException)
        {
            // The write is done and stays acknowledged; without a token the client's next read may
            // come from a standby that has not replayed it yet.
            LogNoToken(logger, exception.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A write succeeded but its consistency token could not be read from the primary ({Failure}).")]
    private static partial void LogNoToken(ILogger logger, string failure);
}
