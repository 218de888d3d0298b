using Ecommerce.Application;
using Ecommerce.Infrastructure;
using Ecommerce.WebApi.Hosting;

if (DerivedDataCommand.IsRequested(args))
{
    return await DerivedDataCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);

builder.AddSerilogLogging();
builder.WatchUserSecrets();
builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddWebApi(builder.Configuration);

var app = builder.Build();

app.UseWebApi();
await app.SeedDemoCatalogIfAskedAsync();

await app.RunAsync();
return 0;
