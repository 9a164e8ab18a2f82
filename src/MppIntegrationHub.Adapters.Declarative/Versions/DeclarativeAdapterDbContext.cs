using Microsoft.EntityFrameworkCore;

namespace MppIntegrationHub.Adapters.Declarative.Versions;

/// <summary>Declarative adapter manifests and their live versions on the hub store.</summary>
public sealed class DeclarativeAdapterDbContext(DbContextOptions<DeclarativeAdapterDbContext> options) : DbContext(options)
{
    public DbSet<AdapterVersionRecord> Versions => Set<AdapterVersionRecord>();

    public DbSet<AdapterStateRecord> States => Set<AdapterStateRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<AdapterVersionRecord>(version =>
        {
            version.ToTable("DeclarativeAdapterVersions");
            version.HasKey(v => new { v.AdapterId, v.Sequence });
            version.Property(v => v.AdapterId).HasMaxLength(40);
            version.Property(v => v.Version).HasMaxLength(32);
            version.Property(v => v.RegisteredBy).HasMaxLength(200);
            version.HasIndex(v => new { v.AdapterId, v.Version }).IsUnique();
        });
        modelBuilder.Entity<AdapterStateRecord>(state =>
        {
            state.ToTable("DeclarativeAdapters");
            state.HasKey(s => s.AdapterId);
            state.Property(s => s.AdapterId).HasMaxLength(40);
            state.Property(s => s.Owner).HasMaxLength(200);
            state.Property(s => s.Revision).IsConcurrencyToken();
        });
    }
}
