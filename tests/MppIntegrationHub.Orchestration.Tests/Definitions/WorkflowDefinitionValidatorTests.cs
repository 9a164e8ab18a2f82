using MppIntegrationHub.Contracts.Services;
using MppIntegrationHub.Orchestration.Definitions;

namespace MppIntegrationHub.Orchestration.Tests.Definitions;

public sealed class WorkflowDefinitionValidatorTests
{
    private const string Broken = """
        {
          "service": "BROKEN_SERVICE", "version": 1, "name": "Broken", "description": "Every mistake at once.",
          "agencies": ["dukcapil"], "feeRupiah": 0, "prerequisites": [], "purpose": "service-application", "expectedDuration": "P1D",
          "inputs": [ { "name": "fullName", "description": "Name." } ],
          "steps": [
            { "id": "verify", "capability": "identity.verify", "input": { "nik": "$application.nik", "fullName": "$inputs.nickname" }, "failureReason": "x" },
            { "id": "teleport", "capability": "citizen.teleport", "dependsOn": ["verify"], "failureReason": "x" },
            { "id": "bill", "capability": "payment.billing.create", "dependsOn": ["verify"],
              "input": { "payerNik": "$application.nik", "payerName": "$steps.profile.fullName", "amount": 1, "agencyCode": "060", "accountCode": "425171", "colour": "red" },
              "failureReason": "x" },
            { "id": "a", "capability": "population.profile", "dependsOn": ["b"], "input": { "nik": "$application.nik" }, "failureReason": "x" },
            { "id": "b", "capability": "population.profile", "dependsOn": ["a", "ghost"], "input": { "nik": "$application.nik" }, "failureReason": "x" }
          ]
        }
        """;

    [Fact]
    public void Parse_DefinitionWithManyMistakes_ReportsEveryOneAtOnce()
    {
        var ex = Assert.Throws<WorkflowDefinitionException>(() => WorkflowDefinitionLoader.Parse(Broken, "broken.json"));

        Assert.Contains(ex.Errors, e => e.Contains("undeclared input 'nickname'", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("unknown capability 'citizen.teleport'", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("does not fill 'serviceCode'", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("fills 'colour'", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("reads step 'profile', which is not one of its (transitive) dependencies", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("depends on unknown step 'ghost'", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("cycle", StringComparison.Ordinal));
        Assert.Equal(7, ex.Errors.Count);
    }

    [Fact]
    public void Parse_UnknownProperty_IsRefused()
    {
        var json = Broken.Replace("\"version\": 1,", "\"version\": 1, \"retries\": 3,", StringComparison.Ordinal);

        var ex = Assert.Throws<WorkflowDefinitionException>(() => WorkflowDefinitionLoader.Parse(json, "typo.json"));

        Assert.Contains("retries", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BuiltIn_CatalogueV1_LoadsTheFourServicesValid()
    {
        var definitions = WorkflowDefinitionLoader.BuiltIn();

        Assert.Equal(
            [ServiceCodes.KtpReplacement, ServiceCodes.PasporNew, ServiceCodes.SimRenewal, ServiceCodes.SkckNew],
            definitions.Select(d => d.Service).Order(StringComparer.Ordinal));
        Assert.All(definitions, d => Assert.Empty(WorkflowDefinitionValidator.Validate(d)));
    }

    [Fact]
    public void Plan_SimRenewal_RunsTheThreeChecksInParallelAfterVerification()
    {
        var sim = new WorkflowPlan(WorkflowDefinitionLoader.BuiltIn().Single(d => d.Service == ServiceCodes.SimRenewal));

        var parallel = sim.Definition.Steps.Where(s => s.DependsOn.SequenceEqual(["verify-identity"])).Select(s => s.Id);

        Assert.Equal(["check-licence", "health-result", "psychology-result"], parallel.Order(StringComparer.Ordinal));
        Assert.Equal("verify-identity", sim.TopologicalOrder[0].Id);
        Assert.Equal("wait-issuance", sim.TopologicalOrder[^1].Id);
    }

    [Fact]
    public void Registry_TwoVersions_NewApplicationsGetTheHighestAndOldOnesKeepTheirs()
    {
        var v1 = WorkflowDefinitionLoader.BuiltIn().Single(d => d.Service == ServiceCodes.KtpReplacement);
        var v2 = v1 with { Version = 2, Steps = [.. v1.Steps.Take(2)], Outputs = new Dictionary<string, string>() };

        var registry = new WorkflowDefinitionRegistry([v1, v2]);

        Assert.Equal(2, registry.FindLatest(ServiceCodes.KtpReplacement)!.Definition.Version);
        Assert.Equal(3, registry.Get(ServiceCodes.KtpReplacement, 1).Definition.Steps.Count);
        Assert.Throws<WorkflowDefinitionException>(() => new WorkflowDefinitionRegistry([v1, v1]));
    }
}
