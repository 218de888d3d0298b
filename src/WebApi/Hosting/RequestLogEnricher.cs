using Serilog.Core;
using Serilog.Events;

namespace Ecommerce.WebApi.Hosting;

/// <summary>
/// Gives every line written during a request the request's ids, as the hosting layer's log scope did
/// (<c>RequestId</c>, the problems' <c>traceId</c> when the request carries no trace; <c>RequestPath</c>;
/// <c>ConnectionId</c>). Found when a line is written, so that a request that writes none (a fast
/// read) pays for no scope: see <see cref="Logging"/> for why the hosting layer's is off.
/// </summary>
internal sealed class RequestLogEnricher(IHttpContextAccessor requests) : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        if (requests.HttpContext is not { } context)
        {
            return;
        }

        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("RequestId", context.TraceIdentifier));
        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("RequestPath", context.Request.Path.Value));
        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("ConnectionId", context.Connection.Id));
    }
}
