using Microsoft.EntityFrameworkCore;
using MppIntegrationHub.Hub.Agencies;
using MppIntegrationHub.Hub.Applications;
using MppIntegrationHub.Hub.Audit;
using MppIntegrationHub.Hub.Callbacks;
using MppIntegrationHub.Hub.Consents;
using MppIntegrationHub.Hub.Webhooks;

namespace MppIntegrationHub.Hub.Store;

/// <summary>The unified API's own tables on the hub store: consents, the audit chain, idempotency records, webhooks, callback receipts, agency reports of each process and OpenIddict's entities.</summary>
public class HubApiDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<ConsentRecord> Consents => Set<ConsentRecord>();

    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();

    public DbSet<CallbackReceipt> CallbackReceipts => Set<CallbackReceipt>();

    public DbSet<AgencyProcessReport> AgencyProcessReports => Set<AgencyProcessReport>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseOpenIddict();
        modelBuilder.Entity<ConsentRecord>(consent =>
        {
            consent.ToTable("ApiConsents");
            consent.HasKey(c => c.Id);
            consent.Property(c => c.Nik).HasMaxLength(16);
            consent.Property(c => c.ClientId).HasMaxLength(100);
            consent.Property(c => c.Purposes).HasMaxLength(400);
            consent.Property(c => c.EvidenceReference).HasMaxLength(ConsentRules.MaxEvidenceLength);
            consent.HasIndex(c => new { c.ClientId, c.Nik });
        });
        modelBuilder.Entity<AgencyProcessReport>(report =>
        {
            report.ToTable("ApiAgencyProcessReports");
            report.HasKey(r => new { r.ProcessId, r.Agency });
            report.Property(r => r.ProcessId).HasMaxLength(200);
            report.Property(r => r.Agency).HasMaxLength(100);
            report.Property(r => r.Role).HasMaxLength(20);
            report.Property(r => r.Health).HasMaxLength(20);
            report.Property(r => r.Breaker).HasMaxLength(20);
        });
        modelBuilder.Entity<AuditRecord>(audit =>
        {
            audit.ToTable("ApiAuditRecords");
            audit.HasKey(a => a.Sequence);
            audit.Property(a => a.Sequence).ValueGeneratedNever();
            audit.Property(a => a.ClientId).HasMaxLength(100);
            audit.Property(a => a.Action).HasMaxLength(60);
            audit.Property(a => a.Purpose).HasMaxLength(40);
            audit.Property(a => a.NikReference).HasMaxLength(64);
            audit.Property(a => a.Fields).HasMaxLength(400);
            audit.Property(a => a.Resource).HasMaxLength(100);
            audit.Property(a => a.PreviousHash).HasMaxLength(64);
            audit.Property(a => a.Hash).HasMaxLength(64);
            audit.HasIndex(a => new { a.NikReference, a.Sequence });
        });
        modelBuilder.Entity<IdempotencyRecord>(key =>
        {
            key.ToTable("ApiIdempotencyRecords");
            key.HasKey(k => new { k.ClientId, k.Key });
            key.Property(k => k.ClientId).HasMaxLength(100);
            key.Property(k => k.Key).HasMaxLength(ApplicationRules.MaxIdempotencyKeyLength);
            key.Property(k => k.RequestHash).HasMaxLength(64);
        });
        modelBuilder.Entity<WebhookSubscription>(webhook =>
        {
            webhook.ToTable("ApiWebhookSubscriptions");
            webhook.HasKey(w => w.Id);
            webhook.Property(w => w.ClientId).HasMaxLength(100);
            webhook.Property(w => w.Url).HasMaxLength(500);
            webhook.Property(w => w.ProtectedSecret).HasMaxLength(1000);
            webhook.HasIndex(w => w.ClientId);
        });
        modelBuilder.Entity<WebhookDelivery>(delivery =>
        {
            delivery.ToTable("ApiWebhookDeliveries");
            delivery.HasKey(d => d.Id);
            delivery.Property(d => d.EventType).HasMaxLength(60);
            delivery.HasIndex(d => new { d.Status, d.DueAtTicks });
            delivery.HasIndex(d => d.SubscriptionId);
            delivery.HasMany(d => d.AttemptLog).WithOne().HasForeignKey(a => a.DeliveryId);
        });
        modelBuilder.Entity<WebhookAttempt>(attempt =>
        {
            attempt.ToTable("ApiWebhookAttempts");
            attempt.HasKey(a => a.Id);
            attempt.Property(a => a.Error).HasMaxLength(200);
        });
        modelBuilder.Entity<CallbackReceipt>(receipt =>
        {
            receipt.ToTable("ApiCallbackReceipts");
            receipt.HasKey(r => new { r.Agency, r.BodyHash });
            receipt.Property(r => r.Agency).HasMaxLength(40);
            receipt.Property(r => r.BodyHash).HasMaxLength(64);
            receipt.Property(r => r.Reference).HasMaxLength(100);
            receipt.HasIndex(r => r.ReceivedAtTicks);
        });
    }
}
