using MppIntegrationHub.Contracts.Services;
using MppIntegrationHub.Orchestration.Definitions;

namespace MppIntegrationHub.Orchestration.Tests.Definitions;

public sealed class WorkflowDefinitionRegistryTests
{
    [Fact]
    public void Publish_NewVersionAtRunTime_BecomesLatestAndKeepsTheOld()
    {
        var registry = new WorkflowDefinitionRegistry(WorkflowDefinitionLoader.BuiltIn());
        var v1 = registry.FindLatest(ServiceCodes.KtpReplacement)!.Definition;

        registry.Publish(v1 with { Version = 2 });

        Assert.Equal(2, registry.FindLatest(ServiceCodes.KtpReplacement)!.Definition.Version);
        Assert.Same(v1, registry.Get(ServiceCodes.KtpReplacement, 1).Definition);
        Assert.Contains(registry.Latest, p => p.Definition.Service == ServiceCodes.SkckNew);
    }

    [Fact]
    public void Publish_ExistingServiceVersion_ThrowsAndChangesNothing()
    {
        var registry = new WorkflowDefinitionRegistry(WorkflowDefinitionLoader.BuiltIn());
        var v1 = registry.FindLatest(ServiceCodes.KtpReplacement)!.Definition;

        var error = Assert.Throws<WorkflowDefinitionException>(() => registry.Publish(v1 with { Name = "changed" }));

        Assert.Contains(error.Errors, e => e.Contains("more than once", StringComparison.Ordinal));
        Assert.Equal(v1.Name, registry.FindLatest(ServiceCodes.KtpReplacement)!.Definition.Name);
    }
}
