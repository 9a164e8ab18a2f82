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
        AuditRecord original;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var count = await db.AuditRecords.CountAsync();
            target = count / 2;
            var record = await db.AuditRecords.SingleAsync(r => r.Sequence == target);
            original = Copy(record);
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
        await RestoreAsync(contexts, original);
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

    private static async Task RestoreAsync(IDbContextFactory<HubApiDbContext> contexts, AuditRecord original)
    {
        // The original content and hash, as they were: the chain, and the tail the running hub chains onto, hold again.
        await using var db = await contexts.CreateDbContextAsync();
        db.AuditRecords.Update(original);
        await db.SaveChangesAsync();
    }

    private static AuditRecord Copy(AuditRecord record) => new()
    {
        Sequence = record.Sequence,
        OccurredAt = record.OccurredAt,
        ClientId = record.ClientId,
        Action = record.Action,
        Purpose = record.Purpose,
        NikReference = record.NikReference,
        Fields = record.Fields,
        Resource = record.Resource,
        PreviousHash = record.PreviousHash,
        Hash = record.Hash,
    };
}
