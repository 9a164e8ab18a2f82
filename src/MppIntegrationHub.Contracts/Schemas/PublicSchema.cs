namespace MppIntegrationHub.Contracts.Schemas;

/// <summary>A published shape: its file name under schemas/v1, its title, its type and an example instance.</summary>
public sealed record PublicSchema(string Name, string Title, Type Type, object Example)
{
    public string FileName => $"{Name}.schema.json";
}
