namespace MppIntegrationHub.Contracts.Capabilities;

/// <summary>
/// A capability an adapter provides, named independently of any agency (workflows and the API ask for
/// capabilities, never agencies), with its canonical input and output types.
/// </summary>
public abstract record CapabilityDescriptor(string Name, string Description, bool HasAgencyEffect)
{
    public abstract Type RequestType { get; }

    public abstract Type ResultType { get; }
}

/// <summary>A capability typed by its canonical input and output.</summary>
/// <param name="Name">Dotted name, e.g. <c>identity.verify</c>.</param>
/// <param name="Description">What it does, for manifests and docs.</param>
/// <param name="HasAgencyEffect">True when a call changes agency state: it may only be retried with an idempotency key.</param>
public sealed record Capability<TRequest, TResult>(string Name, string Description, bool HasAgencyEffect = false)
    : CapabilityDescriptor(Name, Description, HasAgencyEffect)
{
    public override Type RequestType => typeof(TRequest);

    public override Type ResultType => typeof(TResult);
}
