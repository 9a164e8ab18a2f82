using MppIntegrationHub.Contracts.Services;
using MppIntegrationHub.Orchestration.Definitions;

namespace MppIntegrationHub.Orchestration.Catalogue;

/// <summary>The services citizens can apply for: the current version of each workflow definition, described.</summary>
public sealed class ServiceCatalogue(WorkflowDefinitionRegistry registry)
{
    public IReadOnlyList<ServiceDescription> List() => [.. registry.Latest.Select(p => Describe(p.Definition))];

    public ServiceDescription? Find(string serviceCode) =>
        registry.FindLatest(serviceCode) is { } plan ? Describe(plan.Definition) : null;

    private static ServiceDescription Describe(WorkflowDefinition definition) => new()
    {
        Code = definition.Service,
        Name = definition.Name,
        Description = definition.Description,
        Agencies = definition.Agencies,
        FeeRupiah = definition.FeeRupiah,
        Prerequisites = definition.Prerequisites,
        ExpectedDuration = definition.ExpectedDuration,
        Version = definition.Version,
    };
}
