using System.Reflection;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.UserSecrets;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Ecommerce.WebApi.Hosting;

/// <summary>
/// Signing keys added while the service runs are trusted without a restart, such as the first key
/// <c>dotnet user-jwts create</c> writes to the user secrets.
/// </summary>
internal static class SigningKeyReload
{
    public const string BearerSection = "Authentication:Schemes:Bearer";

    /// <summary>
    /// The bearer options are built once and cached. The framework reads the configured signing keys
    /// again for every token, but not the rest (issuers, audiences, authority): a change of the section
    /// drops the cached options, so that the next request sees the configuration as it is now.
    /// </summary>
    public static IServiceCollection ReloadBearerOptionsOnChange(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<IOptionsChangeTokenSource<JwtBearerOptions>>(
            new ConfigurationChangeTokenSource<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, configuration.GetSection(BearerSection)));

    /// <summary>
    /// In Development the user secrets are read, and reloaded on change, only if their folder existed at
    /// start-up: before the first <c>dotnet user-jwts create</c> it does not. This creates the folder and
    /// watches the file in it, so that the first token works in a service already running.
    /// </summary>
    public static WebApplicationBuilder WatchUserSecrets(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment()
            && typeof(SigningKeyReload).Assembly.GetCustomAttribute<UserSecretsIdAttribute>() is { } secrets)
        {
            WatchSecretsFile(builder.Configuration, PathHelper.GetSecretsPathFromSecretsId(secrets.UserSecretsId));
        }

        return builder;
    }

    /// <summary>
    /// Reads the JSON file at <paramref name="path"/>, now and whenever it changes, in place of a source
    /// of the same file name that looks for it elsewhere (where user secrets look when their folder was missing).
    /// </summary>
    public static void WatchSecretsFile(IConfigurationBuilder configuration, string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var fileName = Path.GetFileName(path);
        Directory.CreateDirectory(folder);
        var sources = configuration.Sources;
        var current = sources.OfType<JsonConfigurationSource>().FirstOrDefault(source => source.Path == fileName);
        if (current?.FileProvider is PhysicalFileProvider provider && SameFolder(provider.Root, folder))
        {
            return;
        }

        var watched = new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(folder),
            Path = fileName,
            Optional = true,
            ReloadOnChange = true,
        };
        if (current is null)
        {
            sources.Add(watched);
        }
        else
        {
            sources[sources.IndexOf(current)] = watched;
        }
    }

    private static bool SameFolder(string left, string right) =>
        string.Equals(Path.TrimEndingDirectorySeparator(left), Path.TrimEndingDirectorySeparator(right), StringComparison.Ordinal);
}
