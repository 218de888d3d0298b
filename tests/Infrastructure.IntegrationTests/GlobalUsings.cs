global using Ecommerce.Infrastructure.IntegrationTests.Migrations;
global using Ecommerce.Infrastructure.Persistence;
global using Ecommerce.TestSupport;
global using Microsoft.EntityFrameworkCore;
global using Npgsql;
global using static Ecommerce.Infrastructure.IntegrationTests.Products.TestReaders;
