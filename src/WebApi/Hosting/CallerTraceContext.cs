using System.Diagnostics;

namespace Ecommerce.WebApi.Hosting;

/// <summary>
/// A request that carries a W3C <c>traceparent</c> runs in an <see cref="Activity"/> that continues
/// the caller's trace, so that its log lines and problems carry the caller's trace id. The hosting
/// layer starts one for every request when a tracer listens (OpenTelemetry), and then this does
/// nothing; without one, an untraced request starts none (see <see cref="Logging"/>).
/// </summary>
internal static class CallerTraceContext
{
    private const string ActivityName = "Microsoft.AspNetCore.Hosting.HttpRequestIn";

    public static IApplicationBuilder UseCallerTraceContext(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Request.Headers;
            return Activity.Current is null
                && headers.TraceParent is [{ } traceParent]
                && ActivityContext.TryParse(traceParent, headers.TraceState.ToString(), isRemote: true, out var caller)
                ? RunInCallerTraceAsync(context, next, caller)
                : next(context);
        });

    private static async Task RunInCallerTraceAsync(HttpContext context, RequestDelegate next, ActivityContext caller)
    {
        using var activity = new Activity(ActivityName);
        activity.SetParentId(caller.TraceId, caller.SpanId, caller.TraceFlags);
        activity.TraceStateString = caller.TraceState;
        activity.Start();
        await next(context);
    }
}
