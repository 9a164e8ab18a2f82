using System.Text.Json;
using MppIntegrationHub.Orchestration.Definitions;

namespace MppIntegrationHub.Orchestration.Tests.Definitions;

public sealed class WorkflowTemplateTests
{
    private static readonly WorkflowData Data = new(
        new Dictionary<string, JsonElement> { ["nik"] = Json("\"3273015708900003\"") },
        new Dictionary<string, JsonElement> { ["licenceClass"] = Json("\"c\"") },
        new Dictionary<string, JsonElement> { ["check"] = Json("""{"licence":{"number":"1234","note":"$not-a-reference"}}""") });

    [Fact]
    public void Build_ReferencesSelectAndLiterals_ResolvesEach()
    {
        var template = new Dictionary<string, JsonElement>
        {
            ["nik"] = Json("\"$application.nik\""),
            ["licence"] = Json("\"$steps.check.licence\""),
            ["amount"] = Json("""{"$select":"$inputs.licenceClass","cases":{"a":80000,"c":75000}}"""),
            ["agencyCode"] = Json("\"060\""),
        };

        var request = WorkflowTemplate.Build(template, Data);

        Assert.Equal("3273015708900003", request.GetProperty("nik").GetString());
        Assert.Equal(75000, request.GetProperty("amount").GetInt32());
        Assert.Equal("060", request.GetProperty("agencyCode").GetString());
        Assert.Equal("$not-a-reference", request.GetProperty("licence").GetProperty("note").GetString());
    }

    [Fact]
    public void Build_ReferenceWithoutValue_LeavesThePropertyOut()
    {
        var template = new Dictionary<string, JsonElement> { ["lossReportNumber"] = Json("\"$inputs.lossReportNumber\"") };

        var request = WorkflowTemplate.Build(template, Data);

        Assert.False(request.TryGetProperty("lossReportNumber", out _));
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
