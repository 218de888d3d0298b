using Ecommerce.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ecommerce.Infrastructure.Persistence.Configurations;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("products", table =>
        {
            table.HasCheckConstraint("ck_products_price_non_negative", "price >= 0");
            table.HasCheckConstraint("ck_products_stock_non_negative", "stock >= 0");
            table.HasCheckConstraint("ck_products_rating_range", "rating >= 0 AND rating <= 5");
        });

        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(Product.MaxNameLength).IsRequired();
        builder.Property(p => p.Slug).HasMaxLength(Slug.MaxLength).IsRequired();
        builder.Property(p => p.Description).HasMaxLength(Product.MaxDescriptionLength);
        builder.Property(p => p.Price).HasPrecision(12, Product.PriceScale);
        builder.Property(p => p.ImageUrl).HasMaxLength(Product.MaxImageUrlLength);
        builder.Property(p => p.Rating).HasPrecision(3, 2).HasDefaultValue(0m).ValueGeneratedNever();
        builder.Property(p => p.IsActive).HasDefaultValue(true).ValueGeneratedNever();
        builder.Property(p => p.CreatedAt).HasColumnType("timestamptz");
        builder.Property(p => p.UpdatedAt).HasColumnType("timestamptz");
        builder.Property(p => p.Version).IsRowVersion();

        builder.HasIndex(p => p.Slug).IsUnique().HasDatabaseName("ix_products_slug");
        builder.HasIndex(p => p.CategoryId).HasDatabaseName("ix_products_category_id");
        builder.HasIndex(p => p.Name).HasDatabaseName("ix_products_name");
        builder.HasIndex(p => p.Price).HasDatabaseName("ix_products_price");
        builder.HasIndex(p => p.CreatedAt).HasDatabaseName("ix_products_created_at");

        // Serves q, a case-insensitive substring match (ILIKE '%...%'), which no btree can.
        builder.HasIndex(p => p.Name, "ix_products_name_trgm")
            .HasDatabaseName("ix_products_name_trgm")
            .HasMethod("gin")
            .HasOperators("gin_trgm_ops");

        builder.HasOne<Category>()
            .WithMany()
            .HasForeignKey(p => p.CategoryId)
            .OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_products_category_id");
    }
}
