using Ecommerce.Application;
using Ecommerce.Infrastructure;
using Ecommerce.WebApi.Endpoints;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddProblemDetails();

var app = builder.Build();

app.MapCatalogApi();

app.Run();
