using MppIntegrationHub.Contracts.Schemas;
using MppIntegrationHub.Contracts.Services;

namespace MppIntegrationHub.Orchestration.Definitions;

/// <summary>The published JSON Schema of workflow definitions (schemas/v1/workflow-definition.schema.json), generated from the types.</summary>
public static class WorkflowDefinitionSchema
{
    public static PublicSchema Schema { get; } = new(
        "workflow-definition",
        "Workflow definition",
        typeof(WorkflowDefinition),
        WorkflowDefinitionLoader.BuiltIn().Single(d => d.Service == ServiceCodes.KtpReplacement));

    /// <summary>The schema document, as checked in.</summary>
    public static string Generate() => SchemaGenerator.Generate(Schema);
}
