using MppIntegrationHub.Contracts.Services;
using MppIntegrationHub.Orchestration.Catalogue;
using MppIntegrationHub.Orchestration.Definitions;

namespace MppIntegrationHub.Orchestration.Tests.Definitions;

public sealed class ServiceCatalogueTests
{
    private readonly ServiceCatalogue _catalogue = new(new WorkflowDefinitionRegistry(WorkflowDefinitionLoader.BuiltIn()));

    [Theory]
    [InlineData(ServiceCodes.SkckNew, 30000, 3)]
    [InlineData(ServiceCodes.SimRenewal, 75000, 3)]
    [InlineData(ServiceCodes.PasporNew, 350000, 7)]
    [InlineData(ServiceCodes.KtpReplacement, 0, 1)]
    public void Find_CatalogueV1_StatesFeeAndPublishedDuration(string code, long fee, int days)
    {
        var service = _catalogue.Find(code)!;

        Assert.Equal(fee, service.FeeRupiah);
        Assert.Equal(TimeSpan.FromDays(days), service.ExpectedDuration);
        Assert.Equal(1, service.Version);
        Assert.NotEmpty(service.Prerequisites);
        Assert.NotEmpty(service.Agencies);
    }

    [Fact]
    public void List_CatalogueV1_HasFourServicesAndNoUnknownOne()
    {
        Assert.Equal(4, _catalogue.List().Count);
        Assert.Null(_catalogue.Find("UNKNOWN_SERVICE"));
    }
}
