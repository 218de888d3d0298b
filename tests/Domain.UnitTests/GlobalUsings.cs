global using Ecommerce.Domain.Catalog;
global using Ecommerce.Domain.Common;
