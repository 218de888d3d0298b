using Ecommerce.Domain.Catalog;
using Ecommerce.Infrastructure.Persistence.DerivedData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ecommerce.Infrastructure.Persistence.Configurations;

internal sealed class CategoryProductCountConfiguration : IEntityTypeConfiguration<CategoryProductCount>
{
    public void Configure(EntityTypeBuilder<CategoryProductCount> builder)
    {
        // Its table, functions and triggers are raw SQL in the migrations that own them.
        builder.ToTable("category_product_counts", table => table.ExcludeFromMigrations());
        builder.HasKey(count => count.CategoryId);
        builder.HasOne<Category>().WithMany().HasForeignKey(count => count.CategoryId);
    }
}
