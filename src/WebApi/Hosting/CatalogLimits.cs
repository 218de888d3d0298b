namespace Ecommerce.WebApi.Hosting;

/// <summary>The <c>Catalog:Limits</c> configuration section: abuse limits, all adjustable per deployment.</summary>
public sealed class CatalogLimits
{
    public const string Section = "Catalog:Limits";

    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    public int MaxJsonDepth { get; set; } = 32;

    /// <summary>
    /// A request still running after this long is cancelled and answered <c>503</c>; 0 turns it off.
    /// Longer than the read statement timeout, so that a slow query ends on the server first.
    /// </summary>
    public int RequestTimeoutSeconds { get; set; } = 10;

    public RateLimit Reads { get; set; } = new() { PermitLimit = 600, WindowSeconds = 60 };

    public RateLimit Writes { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };

    /// <summary>Requests a client may make per window; the window is fixed and starts with its first request.</summary>
    public sealed class RateLimit
    {
        public int PermitLimit { get; set; }

        public int WindowSeconds { get; set; }
    }
}
