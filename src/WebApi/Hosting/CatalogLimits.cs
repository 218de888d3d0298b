namespace Ecommerce.WebApi.Hosting;

/// <summary>The <c>Catalog:Limits</c> configuration section: abuse limits, all adjustable per deployment.</summary>
public sealed class CatalogLimits
{
    public const string Section = "Catalog:Limits";

    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The body limit of <c>POST /api/v1/products/import</c>, whose files are streamed, never held whole.</summary>
    public long MaxImportBodyBytes { get; set; } = 100 * 1024 * 1024;

    public int MaxJsonDepth { get; set; } = 32;

    /// <summary>
    /// A request still running after this long is cancelled and answered <c>503</c>; 0 turns it off.
    /// Longer than the read statement timeout, so that a slow query ends on the server first.
    /// </summary>
    public int RequestTimeoutSeconds { get; set; } = 10;

    /// <summary>Per anonymous client (by address) or per non-admin identity, as are <see cref="Writes"/>.</summary>
    public RateLimit Reads { get; set; } = new() { PermitLimit = 600, WindowSeconds = 60 };

    public RateLimit Writes { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };

    /// <summary>
    /// The limits of a client whose token carries the admin role, counted per identity: high enough
    /// for bulk work from one admin tool, still a bound on a runaway or stolen token.
    /// </summary>
    public AdminLimits Admin { get; set; } = new();

    public sealed class AdminLimits
    {
        /// <summary>Per anonymous client (by address) or per non-admin identity, as are <see cref="Writes"/>.</summary>
        public RateLimit Reads { get; set; } = new() { PermitLimit = 2000, WindowSeconds = 1 };

        public RateLimit Writes { get; set; } = new() { PermitLimit = 1000, WindowSeconds = 1 };
    }

    /// <summary>Requests a client may make per window; the window is fixed and starts with its first request.</summary>
    public sealed class RateLimit
    {
        public int PermitLimit { get; set; }

        public int WindowSeconds { get; set; }
    }
}
