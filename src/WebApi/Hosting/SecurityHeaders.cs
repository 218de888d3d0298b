namespace Ecommerce.WebApi.Hosting;

internal static class SecurityHeaders
{
    /// <summary>
    /// Headers every response carries, whatever produced it. Set before the request goes on, which
    /// costs a flag in the server's header table; a response cleared on the way out (an exception or
    /// a timeout turned into a problem) gets them again from <see cref="Add"/>, which every problem
    /// the service writes passes through.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            Add(context.Response);
            return next(context);
        });

    public static void Add(HttpResponse response) => response.Headers.XContentTypeOptions = "nosniff";
}
