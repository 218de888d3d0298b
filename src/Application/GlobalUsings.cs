// The namespaces nearly every use case needs; a file's own usings name only what is particular to it.
global using Ecommerce.Application.Abstractions;
global using Ecommerce.Application.Common;
global using Ecommerce.Application.Common.Concurrency;
global using Ecommerce.Application.Common.Mapping;
global using Ecommerce.Application.Common.Results;
global using Ecommerce.Application.Common.Slugs;
global using Ecommerce.Domain.Catalog;
global using FluentValidation;
global using Mediator;
