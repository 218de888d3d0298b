global using Ecommerce.Application.Abstractions;
global using Ecommerce.Application.Categories;
global using Ecommerce.Application.Common.Concurrency;
global using Ecommerce.Application.Common.Results;
global using Ecommerce.Application.Products;
global using Ecommerce.Application.UnitTests.Common;
global using Ecommerce.Domain.Catalog;
global using NSubstitute;
