namespace MppIntegrationHub.Contracts.Regions;

/// <summary>One entry of the Kemendagri region directory.</summary>
public sealed class Region
{
    internal Region(RegionCode code, string name, Region? parent)
    {
        Code = code;
        Name = name;
        Parent = parent;
    }

    public RegionCode Code { get; }

    public string Name { get; }

    public RegionLevel Level => Code.Level;

    /// <summary>The enclosing region; null for a province.</summary>
    public Region? Parent { get; }

    public override string ToString() => $"{Code.Dotted} {Name}";
}
