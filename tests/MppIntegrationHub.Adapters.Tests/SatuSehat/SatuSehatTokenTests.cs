using Microsoft.Extensions.Time.Testing;
using MppIntegrationHub.Adapters.Tests.Infrastructure;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Errors;
using MppIntegrationHub.Simulators;
using MppIntegrationHub.Simulators.Faults;
using MppIntegrationHub.Simulators.People;

namespace MppIntegrationHub.Adapters.Tests.SatuSehat;

[Collection(SimulatorsCollection.Name)]
public sealed class SatuSehatTokenTests(SimulatorsFixture fixture)
{
    private const string TokenPath = "/oauth2/v1/accesstoken";

    private readonly AgencySimulators _sims = fixture.Reset();

    private CitizenQuery HappyPath => new(_sims.Population[Personas.HappyPath].Nik);

    [Fact]
    public async Task Token_ManyConcurrentCalls_IsFetchedOnceAndShared()
    {
        await using var host = AdapterHost.Create(AdapterHost.SatuSehat(_sims));

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            host.Invoker.InvokeAsync(CanonicalCapabilities.HealthSummary, HappyPath, new CallContext())));

        Assert.Equal(1, _sims.SatuSehat.Requests.Count("POST", TokenPath));
        Assert.Equal(8 * 6, _sims.SatuSehat.Requests.Total - 1);
    }

    [Fact]
    public async Task Token_NearExpiry_IsRenewedBeforeItLapses()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));
        await using var host = AdapterHost.Create(AdapterHost.SatuSehat(_sims), clock);

        await host.Invoker.InvokeAsync(CanonicalCapabilities.HealthSummary, HappyPath, new CallContext());
        clock.Advance(TimeSpan.FromMinutes(30));
        await host.Invoker.InvokeAsync(CanonicalCapabilities.HealthSummary, HappyPath, new CallContext());
        var afterHalfAnHour = _sims.SatuSehat.Requests.Count("POST", TokenPath);
        clock.Advance(TimeSpan.FromMinutes(28));
        await host.Invoker.InvokeAsync(CanonicalCapabilities.HealthSummary, HappyPath, new CallContext());

        Assert.Equal(1, afterHalfAnHour);
        Assert.Equal(2, _sims.SatuSehat.Requests.Count("POST", TokenPath));
    }

    [Fact]
    public async Task Token_RejectedSecret_IsUnauthorizedWithoutRetryStorm()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));
        await using var host = AdapterHost.Create(AdapterHost.SatuSehat(_sims, o =>
        {
            // A client of its own: SATUSEHAT's gateway also throttles a client id after a failed attempt.
            o.ClientId = "unregistered-client";
            o.ClientSecret = "wrong-secret";
        }), clock);

        var errors = new List<AgencyError>();
        for (var i = 0; i < 10; i++)
        {
            errors.Add((await Assert.ThrowsAsync<AgencyException>(() =>
                host.Invoker.InvokeAsync(CanonicalCapabilities.HealthSummary, HappyPath, new CallContext()))).Error);
        }

        var beforeCooldown = _sims.SatuSehat.Requests.Total;
        clock.Advance(TimeSpan.FromMinutes(1));
        await Assert.ThrowsAsync<AgencyException>(() =>
            host.Invoker.InvokeAsync(CanonicalCapabilities.HealthSummary, HappyPath, new CallContext()));

        Assert.All(errors, e => Assert.Equal(AgencyErrorKind.Unauthorized, e.Kind));
        Assert.Equal(1, beforeCooldown);
        Assert.Equal(2, _sims.SatuSehat.Requests.Count("POST", TokenPath));
        Assert.Equal(0, _sims.SatuSehat.Requests.Count("GET", "/fhir-r4/v1/Patient"));
    }

    [Fact]
    public async Task Token_ThrottledWithRetryAfter_CoolsDownForThatLongThenRenews()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));
        await using var host = AdapterHost.Create(AdapterHost.SatuSehat(_sims), clock);
        _sims.SatuSehat.Faults.Set(new FaultProfile { ErrorRate = 1, ErrorStatusCodes = [429], RetryAfter = TimeSpan.FromMinutes(3) });

        var throttled = await FailsAsync(host);
        _sims.SatuSehat.Faults.Clear();
        var duringCooldown = new List<AgencyError>();
        foreach (var elapsed in new[] { TimeSpan.Zero, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(59) })
        {
            clock.Advance(elapsed);
            duringCooldown.Add(await FailsAsync(host));
        }

        var tokenRequestsDuringCooldown = _sims.SatuSehat.Requests.Count("POST", TokenPath);
        clock.Advance(TimeSpan.FromSeconds(61));
        await host.Invoker.InvokeAsync(CanonicalCapabilities.HealthSummary, HappyPath, new CallContext());

        Assert.Equal((AgencyErrorKind.Transient, "http.429", TimeSpan.FromMinutes(3)), (throttled.Kind, throttled.Code, throttled.RetryAfter));
        Assert.All(duringCooldown, e => Assert.Equal((AgencyErrorKind.Transient, "http.429"), (e.Kind, e.Code)));
        Assert.Equal(
            new TimeSpan?[] { TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(61) },
            duringCooldown.Select(e => e.RetryAfter));
        Assert.Equal(1, tokenRequestsDuringCooldown);
        Assert.Equal(2, _sims.SatuSehat.Requests.Count("POST", TokenPath));
        Assert.Equal(1, _sims.SatuSehat.Requests.Count("GET", "/fhir-r4/v1/Patient"));
    }

    [Fact]
    public async Task HealthSummary_Logs_ContainNoTokenSecretOrNik()
    {
        await using var host = AdapterHost.Create(AdapterHost.SatuSehat(_sims));
        await host.Invoker.InvokeAsync(CanonicalCapabilities.HealthSummary, HappyPath, new CallContext());
        var token = _sims.SatuSehat.Server.LogEntries
            .Select(e => e.RequestMessage.Headers?.TryGetValue("Authorization", out var values) == true ? values.ToString() : null)
            .First(v => v is not null)!["Bearer ".Length..];

        var records = host.Logs.GetSnapshot();

        Assert.Contains(records, r => r.Id.Id == 4201);
        Assert.Contains(records, r => r.Id.Id == 4203);
        var secrets = new[] { token, _sims.Credentials.SatuSehatClientSecret, HappyPath.Nik.Value };
        Assert.DoesNotContain(records, r => secrets.Any(secret =>
            r.Message.Contains(secret, StringComparison.Ordinal)
            || (r.StructuredState ?? []).Any(s => s.Value?.Contains(secret, StringComparison.Ordinal) == true)));
    }

    private async Task<AgencyError> FailsAsync(AdapterHost host) =>
        (await Assert.ThrowsAsync<AgencyException>(() =>
            host.Invoker.InvokeAsync(CanonicalCapabilities.HealthSummary, HappyPath, new CallContext()))).Error;
}
