using MppIntegrationHub.Simulators.Hosting;
using MppIntegrationHub.Simulators.Rest;

namespace MppIntegrationHub.Simulators.Cases;

/// <summary>A designed REST agency whose applications progress through statuses over time, with callbacks.</summary>
public abstract class CaseSimulator : AgencySimulator
{
    private int _sequence;

    private protected CaseSimulator(string agency, string referenceField, SimulatorContext context, long? quota = null)
        : base(agency, context, quota)
    {
        Cases = new CaseBook(agency, referenceField, context.Clock, context.Callbacks);
    }

    /// <summary>The agency's applications: status, tester advance, listing.</summary>
    public CaseBook Cases { get; }

    internal override CaseBook? CaseBook => Cases;

    private protected int NextSequence() => Interlocked.Increment(ref _sequence);

    private protected RestReply GetCase(string reference) =>
        Cases.Body(reference) is { } body ? RestReply.Raw(200, body) : RestReply.NotFound("Permohonan");

    private protected RestReply OpenCase(string reference, IReadOnlyList<CaseStage> stages, IReadOnlyDictionary<string, string>? fields = null) =>
        RestReply.Raw(201, Cases.Open(reference, stages, fields));
}
