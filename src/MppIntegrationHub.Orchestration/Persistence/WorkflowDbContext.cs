using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MppIntegrationHub.Orchestration.Persistence;

/// <summary>The orchestrator's tables in the hub's store: applications, steps (with due times and leases), outbox, retry controls.</summary>
public class WorkflowDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<WorkflowInstance> Applications => Set<WorkflowInstance>();

    public DbSet<WorkflowStepState> Steps => Set<WorkflowStepState>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<AgencyRetryControl> AgencyRetryControls => Set<AgencyRetryControl>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // UTC ticks: ordered and compared in SQL on both SQLite (no native type) and PostgreSQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<WorkflowInstance>(e =>
        {
            e.ToTable("workflow_applications");
            e.HasKey(a => a.Id);
            e.Property(a => a.Revision).IsConcurrencyToken();
            e.Property(a => a.ServiceCode).HasMaxLength(64);
            e.Property(a => a.ClientId).HasMaxLength(128);
            e.Property(a => a.Nik).HasMaxLength(16);
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);

            // A W3C traceparent: version, trace id, span id and flags.
            e.Property(a => a.TraceParent).HasMaxLength(55);
            e.HasMany(a => a.Steps).WithOne().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(a => new { a.Status, a.UpdatedAt });
        });
        modelBuilder.Entity<WorkflowStepState>(e =>
        {
            e.ToTable("workflow_steps");
            e.HasKey(s => new { s.ApplicationId, s.StepId });
            e.Property(s => s.StepId).HasMaxLength(64);
            e.Property(s => s.Capability).HasMaxLength(128);
            e.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(s => s.ErrorKind).HasConversion<string>().HasMaxLength(16);
            e.Ignore(s => s.IdempotencyKey);
            e.HasIndex(s => s.DueAt);
            e.HasIndex(s => s.LeaseExpiresAt);
            e.HasIndex(s => s.CorrelationRef);
        });
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("workflow_outbox");
            e.HasKey(m => m.Id);
        });
        modelBuilder.Entity<AgencyRetryControl>(e =>
        {
            e.ToTable("workflow_agency_retry_controls");
            e.HasKey(c => c.Agency);
            e.Property(c => c.Agency).HasMaxLength(64);
        });
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
}
