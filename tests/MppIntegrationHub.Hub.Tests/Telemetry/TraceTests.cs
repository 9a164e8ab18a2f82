using System.Diagnostics;
using MppIntegrationHub.Adapters.Telemetry;
using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Contracts.Consents;
using MppIntegrationHub.Hub.Tests.Support;
using MppIntegrationHub.Orchestration.Telemetry;
using MppIntegrationHub.Simulators.People;

namespace MppIntegrationHub.Hub.Tests.Telemetry;

[Collection(SimulatedAgenciesCollection.Name)]
public sealed class TraceTests(SimulatedAgenciesHubFactory hub)
{
    [Fact]
    public async Task SubmitApplication_FirstStep_OneTraceConnectsRequestBusHopAndAgencyCall()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        var citizen = hub.Simulators.Population[Personas.HappyPath];
        var submitted = await portal.SubmitKtpReplacementAsync(hub, citizen.Nik.Value, citizen.FullName);
        await portal.WaitForApplicationAsync(hub, submitted.Id, a => a.Steps[0].Status == StepStatus.Succeeded, TimeSpan.FromSeconds(60));

        var (agencyCall, ancestors) = await ChainAsync(
            s => s.Source.Name == AgencyTelemetry.ActivitySourceName
                && (string?)s.GetTagItem(AgencyTelemetry.TagNames.Application) == submitted.Id.ToString()
                && (string?)s.GetTagItem(AgencyTelemetry.TagNames.Capability) == "identity.verify",
            s => s.Kind == ActivityKind.Server,
            "the identity.verify span and its ancestors up to the request");
        var spans = hub.Spans.Where(s => s.TraceId == agencyCall.TraceId).ToList();

        var request = Assert.Single(ancestors, s => s.Kind == ActivityKind.Server);
        Assert.Equal("POST /api/v1/applications/", request.DisplayName);
        Assert.Contains(ancestors, s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Consumer);
        Assert.Contains(ancestors, s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Producer);
        Assert.Contains(ancestors, s => s.Source.Name == WorkflowTelemetry.ActivitySourceName && s.DisplayName == "workflow step verify-identity");
        var agencyHttp = Assert.Single(spans, s => s.Kind == ActivityKind.Client && s.ParentSpanId == agencyCall.SpanId);
        Assert.StartsWith(hub.Simulators.Dukcapil.BaseUrl.GetLeftPart(UriPartial.Authority), (string?)agencyHttp.GetTagItem("url.full"), StringComparison.Ordinal);
        Assert.Equal("dukcapil", agencyCall.GetTagItem(AgencyTelemetry.TagNames.Agency));
        Assert.Equal("success", agencyCall.GetTagItem(AgencyTelemetry.TagNames.Outcome));
    }

    [Fact]
    public async Task DueTimeWakeup_LaterPoll_StartsItsOwnTraceLinkedToTheSubmission()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        var citizen = hub.Simulators.Population[Personas.HappyPathSpouse];
        var submitted = await portal.SubmitKtpReplacementAsync(hub, citizen.Nik.Value, citizen.FullName);
        await portal.WaitForApplicationAsync(hub, submitted.Id, a => a.Steps[^1].Status == StepStatus.Waiting, TimeSpan.FromSeconds(60));
        var submission = hub.Spans.Single(s => s.Kind == ActivityKind.Server && s.DisplayName == "POST /api/v1/applications/"
            && hub.Spans.Any(a => a.TraceId == s.TraceId && (string?)a.GetTagItem(AgencyTelemetry.TagNames.Application) == submitted.Id.ToString()));

        hub.Clock.Advance(TimeSpan.FromHours(1));
        var (_, ancestors) = await ChainAsync(
            s => s.Source.Name == AgencyTelemetry.ActivitySourceName
                && (string?)s.GetTagItem(AgencyTelemetry.TagNames.Application) == submitted.Id.ToString()
                && (string?)s.GetTagItem(AgencyTelemetry.TagNames.Capability) == "population.document.status"
                && s.TraceId != submission.TraceId,
            s => s.DisplayName == "workflow due-time",
            "the status poll after the due time and its ancestors up to the wake-up");
        var wakeup = Assert.Single(ancestors, s => s.DisplayName == "workflow due-time");

        Assert.Contains(wakeup.Links, link => link.Context.TraceId == submission.TraceId);
    }

    [Fact]
    public async Task VerificationAndProfileRead_ExportedSpans_CarryNoNikOrName()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        var citizen = hub.Simulators.Population[Personas.HappyPathChild];
        var nik = citizen.Nik.Value;
        await portal.RecordConsentAsync(hub, nik, DataPurpose.IdentityVerification);

        // The portal's own trace, sampled, so the hub's spans of these two requests are found by its id.
        using var testTrace = new Activity("portal reads a citizen") { ActivityTraceFlags = ActivityTraceFlags.Recorded }.Start();
        var trace = testTrace.TraceId;

        using var verified = await portal.PostJsonAsync("/api/v1/identity/verifications", $$"""{"nik":"{{nik}}","fullName":"{{citizen.FullName}}"}""");
        using var profile = await portal.GetAsync($"/api/v1/citizens/{nik}/profile?purpose=identity-verification");
        verified.EnsureSuccessStatusCode();
        profile.EnsureSuccessStatusCode();
        var profileRead = await SimulatedAgenciesHubFactory.EventuallyAsync(
            () => Task.FromResult(hub.Spans.FirstOrDefault(s => s.TraceId == trace && s.Kind == ActivityKind.Server && s.DisplayName == "GET /api/v1/citizens/{nik}/profile")),
            TimeSpan.FromSeconds(30),
            $"the profile request span in {string.Join(", ", hub.Spans.Where(s => s.TraceId == trace).Select(s => $"{s.Kind} {s.DisplayName}"))}; server: {string.Join(", ", hub.Spans.Where(s => s.Kind == ActivityKind.Server).Select(s => s.DisplayName).Distinct())}");
        var agencyCalls = hub.Spans.Where(s => s.TraceId == trace && s.Kind == ActivityKind.Client).ToList();

        Assert.Equal("/api/v1/citizens/{nik}/profile", profileRead.GetTagItem("url.path"));
        Assert.Null(profileRead.GetTagItem("url.query"));
        Assert.True(agencyCalls.Count >= 2, "the verification and the profile read each call Dukcapil in the test's trace");
        var names = new[] { citizen.FullName, citizen.MotherName, citizen.FatherName };
        foreach (var span in hub.Spans)
        {
            Assert.DoesNotContain(nik, span.DisplayName, StringComparison.Ordinal);
            foreach (var (key, value) in span.TagObjects)
            {
                var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                Assert.False(text.Contains(nik, StringComparison.Ordinal), $"{span.DisplayName} {key} carries the NIK");
                Assert.DoesNotContain(names, name => text.Contains(name, StringComparison.Ordinal));
            }
        }
    }

    /// <summary>
    /// The first span matching <paramref name="span"/> with its ancestors, once they reach one matching
    /// <paramref name="top"/>: spans are exported as they end, a child before its parents.
    /// </summary>
    private Task<SpanChain> ChainAsync(Func<Activity, bool> span, Func<Activity, bool> top, string what) =>
        SimulatedAgenciesHubFactory.EventuallyAsync(
            () =>
            {
                var found = hub.Spans.FirstOrDefault(span);
                var ancestors = found is null ? [] : Ancestors(found, [.. hub.Spans.Where(s => s.TraceId == found.TraceId)]);
                return Task.FromResult(ancestors.Any(top) ? new SpanChain(found!, ancestors) : null);
            },
            TimeSpan.FromSeconds(60),
            what);

    private sealed record SpanChain(Activity Span, List<Activity> Ancestors);

    private static List<Activity> Ancestors(Activity span, List<Activity> trace)
    {
        var bySpan = trace.ToDictionary(s => s.SpanId);
        var chain = new List<Activity>();
        for (var current = span; bySpan.TryGetValue(current.ParentSpanId, out var parent); current = parent)
        {
            chain.Add(parent);
        }

        return chain;
    }
}
