using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MppIntegrationHub.Contracts.Consents;
using MppIntegrationHub.Hub.Audit;
using MppIntegrationHub.Hub.Store;
using MppIntegrationHub.Hub.Tests.Support;

namespace MppIntegrationHub.Hub.Tests.Audit;

public sealed class AuditChainTests(HubFactory hub) : IClassFixture<HubFactory>
{
    [Fact]
    public async Task Verification_OfAnUntouchedChain_IsValid()
    {
        await WriteSomeRecordsAsync();
        using var auditor = await hub.ClientForAsync(HubFactory.Auditor);

        var result = await auditor.GetFromJsonAsync<AuditChainVerification>(new Uri("/api/v1/audit/verification", UriKind.Relative), hub.Json);

        Assert.True(result!.Valid);
        Assert.True(result.RecordsVerified >= 5);
        Assert.Null(result.FirstInvalidSequence);
    }

    [Theory]
    [InlineData("fields")]
    [InlineData("client")]
    [InlineData("time")]
    [InlineData("hash")]
    public async Task Verification_AfterOneRecordWasTampered_FailsAtThatRecord(string tampered)
    {
        await WriteSomeRecordsAsync();
        var contexts = hub.Services.GetRequiredService<IDbContextFactory<HubApiDbContext>>();
        var trail = hub.Services.GetRequiredService<AuditTrail>();
        long target;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var count = await db.AuditRecords.CountAsync();
            target = count / 2;
            var record = await db.AuditRecords.SingleAsync(r => r.Sequence == target);
            switch (tampered)
            {
                case "fields": record.Fields = "fullName"; break;
                case "client": record.ClientId = "someone-else"; break;
                case "time": record.OccurredAt = record.OccurredAt.AddDays(-1); break;
                default: record.Hash = new string('f', 64); break;
            }

            await db.SaveChangesAsync();
        }

        var result = await trail.VerifyAsync();

        Assert.False(result.Valid);
        Assert.Equal(target, result.FirstInvalidSequence);
        Assert.Equal(target - 1, result.RecordsVerified);

        // Put it back for the other cases: the chain is shared by the fixture.
        await RestoreAsync(contexts, target);
    }

    [Fact]
    public async Task Verification_AfterARecordWasDeleted_FailsWhereItWas()
    {
        await WriteSomeRecordsAsync();
        var contexts = hub.Services.GetRequiredService<IDbContextFactory<HubApiDbContext>>();
        AuditRecord removed;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            removed = await db.AuditRecords.OrderBy(r => r.Sequence).Skip(2).FirstAsync();
            db.AuditRecords.Remove(removed);
            await db.SaveChangesAsync();
        }

        var result = await hub.Services.GetRequiredService<AuditTrail>().VerifyAsync();

        Assert.False(result.Valid);
        Assert.Equal(removed.Sequence, result.FirstInvalidSequence);
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.AuditRecords.Add(removed);
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task AuditList_ShowsNikReferencesNeverNiks()
    {
        await WriteSomeRecordsAsync();
        using var auditor = await hub.ClientForAsync(HubFactory.Auditor);

        using var response = await auditor.GetAsync("/api/v1/audit?limit=500");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("nikReference", body, StringComparison.Ordinal);
        Assert.DoesNotContain(TestCitizens.Budi, body, StringComparison.Ordinal);
    }

    private async Task WriteSomeRecordsAsync()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        await portal.RecordConsentAsync(hub, TestCitizens.Budi, DataPurpose.IdentityVerification);
        for (var i = 0; i < 4; i++)
        {
            using var read = await portal.GetAsync($"/api/v1/citizens/{TestCitizens.Budi}/profile?purpose=identity-verification");
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }
    }

    private static async Task RestoreAsync(IDbContextFactory<HubApiDbContext> contexts, long sequence)
    {
        // Only the test knows what it changed; recompute this record from its neighbours' view of it is impossible,
        // so rebuild the whole chain's hashes from the stored content (a test-only repair).
        await using var db = await contexts.CreateDbContextAsync();
        var records = await db.AuditRecords.Where(r => r.Sequence >= sequence).OrderBy(r => r.Sequence).ToListAsync();
        var previous = sequence == 1 ? AuditChain.Genesis : (await db.AuditRecords.SingleAsync(r => r.Sequence == sequence - 1)).Hash;
        foreach (var record in records)
        {
            record.PreviousHash = previous;
            record.Hash = AuditChain.ComputeHash(record);
            previous = record.Hash;
        }

        await db.SaveChangesAsync();
    }
}
