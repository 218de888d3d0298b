using Ecommerce.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ecommerce.Infrastructure.Persistence.Configurations;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.ToTable("categories", table =>
            table.HasCheckConstraint("ck_categories_parent_not_self", "parent_id IS NULL OR parent_id <> id"));

        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(Category.MaxNameLength).IsRequired();
        builder.Property(c => c.Slug).HasMaxLength(Slug.MaxLength).IsRequired();
        builder.Property(c => c.IsActive).HasDefaultValue(true).ValueGeneratedNever();
        builder.Property(c => c.CreatedAt).HasColumnType("timestamptz");
        builder.Property(c => c.UpdatedAt).HasColumnType("timestamptz");
        builder.Property(c => c.Version).IsRowVersion();

        builder.HasIndex(c => c.Slug).IsUnique().HasDatabaseName("ix_categories_slug");
        builder.HasIndex(c => c.ParentId).HasDatabaseName("ix_categories_parent_id");

        builder.HasOne<Category>()
            .WithMany()
            .HasForeignKey(c => c.ParentId)
            .OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_categories_parent_id");
    }
}
