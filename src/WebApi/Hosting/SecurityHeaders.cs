namespace Ecommerce.WebApi.Hosting;

internal static class SecurityHeaders
{
    // Static, with the response as its state: no closure to allocate per request.
    private static readonly Func<object, Task> AddHeaders = state =>
    {
        ((HttpResponse)state).Headers.XContentTypeOptions = "nosniff";
        return Task.CompletedTask;
    };

    /// <summary>Headers every response carries, whatever produced it.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(AddHeaders, context.Response);
            return next(context);
        });
}
