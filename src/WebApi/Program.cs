using Ecommerce.Application;
using Ecommerce.Infrastructure;
using Ecommerce.WebApi.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddSerilogLogging();
builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddWebApi(builder.Configuration);

var app = builder.Build();

app.UseWebApi();
await app.SeedDemoCatalogIfAskedAsync();

await app.RunAsync();
