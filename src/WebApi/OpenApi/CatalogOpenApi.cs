using Ecommerce.WebApi.Idempotency;
using Scalar.AspNetCore;

namespace Ecommerce.WebApi.OpenApi;

/// <summary>
/// The one place where the OpenAPI document is registered with its transformers, and where the
/// document and the reference page are mapped. The document is the same in every environment
/// (docs/openapi.json is written from it at build time and must match what the service serves).
/// </summary>
internal static class CatalogOpenApi
{
    public const string DocumentName = "v1";
    public const string BearerScheme = "Bearer";

    /// <summary>Serves the interactive reference page at <c>/scalar</c> outside Development too.</summary>
    public const string ReferencePageSetting = "OpenApi:ReferencePage";

    public static IServiceCollection AddCatalogOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.CreateSchemaReferenceId = SchemaNames.Of;
            // HEAD is answered wherever GET is, with the same headers: one operation per read is enough.
            options.ShouldInclude = description => !HttpMethods.IsHead(description.HttpMethod ?? string.Empty)
                && (description.GroupName is null || string.Equals(description.GroupName, DocumentName, StringComparison.OrdinalIgnoreCase));
            options.AddDocumentTransformer<DocumentDescription>();
            options.AddSchemaTransformer<SchemaRules>();
            options.AddOperationTransformer<OperationParameters>();
            options.AddOperationTransformer<OperationSecurity>();
            options.AddOperationTransformer<EntityTagHeaders>();
            options.AddOperationTransformer<ConditionalReadHeaders>();
            options.AddOperationTransformer<ConsistencyHeaders>();
            options.AddOperationTransformer<RequestBodyExamples>();
            // Last, so that it describes the error responses the transformers above declared too.
            options.AddOperationTransformer<ErrorResponses>();
            options.AddOperationTransformer<BulkDocumentation>();
            options.AddOperationTransformer<IdempotencyKeyDocumentation>();
        });

    public static WebApplication MapCatalogOpenApi(this WebApplication app)
    {
        app.MapOpenApi();
        if (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>(ReferencePageSetting))
        {
            // Everything the page needs is served from here: no fonts or scripts from a CDN, no telemetry,
            // no features that call the vendor's cloud (AI chat, MCP, the developer toolbar).
            app.MapScalarApiReference(page => page
                .WithTitle(DocumentDescription.Title)
                .ExpandAllTags()
                .AddPreferredSecuritySchemes(BearerScheme)
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .HideDeveloperTools());
        }

        return app;
    }
}
