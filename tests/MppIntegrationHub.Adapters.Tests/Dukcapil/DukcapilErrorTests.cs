using MppIntegrationHub.Adapters.Tests.Infrastructure;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Errors;
using MppIntegrationHub.Contracts.Identity;
using MppIntegrationHub.Contracts.Verification;
using MppIntegrationHub.Simulators;
using MppIntegrationHub.Simulators.Faults;
using MppIntegrationHub.Simulators.People;

namespace MppIntegrationHub.Adapters.Tests.Dukcapil;

[Collection(SimulatorsCollection.Name)]
public sealed class DukcapilErrorTests(SimulatorsFixture fixture)
{
    private const string VerifyPath = "/dukcapil/get_json/MPPDIGITAL01/CALL_VERIFY_BY_ELEMEN";

    private readonly AgencySimulators _sims = fixture.Reset();

    public static TheoryData<string, AgencyErrorKind, string> ResponseCodes => new()
    {
        { "deceased", AgencyErrorKind.Permanent, "dukcapil.deceased" },
        { "duplicate", AgencyErrorKind.Permanent, "dukcapil.duplicate-record" },
        { "not-registered", AgencyErrorKind.NotFound, "dukcapil.not-found" },
        { "inactive", AgencyErrorKind.Permanent, "dukcapil.inactive" },
    };

    [Theory]
    [MemberData(nameof(ResponseCodes))]
    public async Task IdentityVerify_InBandResponseCode_MapsToKindWithoutRetry(string persona, AgencyErrorKind kind, string code)
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims));
        var nik = Nik.Parse(Personas.ByName(persona)!.Nik, new DateOnly(2026, 11, 23));

        var error = await VerifyFailsAsync(host, new IdentityVerificationRequest { Nik = nik, FullName = "BUDI" });

        Assert.Equal((kind, code), (error.Kind, error.Code));
        Assert.Equal(1, _sims.Dukcapil.Requests.Count(VerifyPath));
    }

    [Fact]
    public async Task IdentityVerify_NikTheRegistryCannotParse_IsInvalidRequest()
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims));

        var error = await VerifyFailsAsync(host, new IdentityVerificationRequest { Nik = default, FullName = "BUDI" });

        Assert.Equal((AgencyErrorKind.InvalidRequest, "dukcapil.invalid-nik"), (error.Kind, error.Code));
    }

    [Fact]
    public async Task IdentityVerify_QuotaExhausted_IsQuotaExhaustedWithoutRetry()
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims));
        _sims.Dukcapil.Faults.SetQuota(0);

        var error = await VerifyFailsAsync(host, HappyPathRequest());

        Assert.Equal((AgencyErrorKind.QuotaExhausted, "dukcapil.quota-exhausted"), (error.Kind, error.Code));
        Assert.True(error.IsRetryable);
        Assert.Equal(1, _sims.Dukcapil.Requests.Count(VerifyPath));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(429)]
    public async Task IdentityVerify_TransientStatusEveryAttempt_IsRetriedThenTransient(int status)
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims));
        _sims.Dukcapil.Faults.FailNext(10, status);

        var error = await VerifyFailsAsync(host, HappyPathRequest());

        Assert.Equal((AgencyErrorKind.Transient, $"http.{status}"), (error.Kind, error.Code));
        Assert.Equal(3, _sims.Dukcapil.Requests.Count(VerifyPath));
    }

    [Fact]
    public async Task IdentityVerify_TwoTransientFailuresThenSuccess_SucceedsOnTheThirdAttempt()
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims));
        _sims.Dukcapil.Faults.FailNext(2, 503);

        var result = await host.Invoker.InvokeAsync(CanonicalCapabilities.IdentityVerify, HappyPathRequest(), new CallContext());

        Assert.Equal(VerificationDecision.Verified, result.Decision);
        Assert.Equal(3, _sims.Dukcapil.Requests.Count(VerifyPath));
    }

    [Theory]
    [InlineData(400, AgencyErrorKind.InvalidRequest)]
    [InlineData(401, AgencyErrorKind.Unauthorized)]
    [InlineData(403, AgencyErrorKind.Unauthorized)]
    [InlineData(404, AgencyErrorKind.NotFound)]
    [InlineData(422, AgencyErrorKind.InvalidRequest)]
    public async Task IdentityVerify_PermanentStatus_IsNotRetried(int status, AgencyErrorKind kind)
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims));
        _sims.Dukcapil.Faults.FailNext(10, status);

        var error = await VerifyFailsAsync(host, HappyPathRequest());

        Assert.Equal((kind, $"http.{status}"), (error.Kind, error.Code));
        Assert.Equal(1, _sims.Dukcapil.Requests.Count(VerifyPath));
    }

    [Fact]
    public async Task IdentityVerify_WrongPassword_IsUnauthorizedWithoutRetry()
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims, o => o.Password = "wrong"));

        var error = await VerifyFailsAsync(host, HappyPathRequest());

        Assert.Equal(AgencyErrorKind.Unauthorized, error.Kind);
        Assert.Equal(1, _sims.Dukcapil.Requests.Count(VerifyPath));
    }

    [Fact]
    public async Task IdentityVerify_MalformedBody_IsTransientMalformedResponse()
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims));
        _sims.Dukcapil.Faults.Set(new FaultProfile { MalformedRate = 1 });

        var error = await VerifyFailsAsync(host, HappyPathRequest());

        Assert.Equal((AgencyErrorKind.Transient, "malformed-response"), (error.Kind, error.Code));
    }

    [Fact]
    public async Task IdentityVerify_TruncatedBody_IsTransientAndRetried()
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims));
        _sims.Dukcapil.Faults.Set(new FaultProfile { TruncatedRate = 1 });

        var error = await VerifyFailsAsync(host, HappyPathRequest());

        Assert.Equal(AgencyErrorKind.Transient, error.Kind);
        Assert.Equal(3, _sims.Dukcapil.Requests.Count(VerifyPath));
    }

    [Fact]
    public async Task IdentityVerify_AgencyNeverAnswers_TimesOutPerAttemptAndRetries()
    {
        // Long enough for each attempt's fresh connection to reach the simulator on a loaded CI machine.
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims, o => o.Timeouts.Attempt = TimeSpan.FromSeconds(1)));
        _sims.Dukcapil.Faults.Set(new FaultProfile { TimeoutRate = 1 });

        var error = await VerifyFailsAsync(host, HappyPathRequest());

        Assert.Equal((AgencyErrorKind.Transient, "timeout"), (error.Kind, error.Code));

        // The last attempt is abandoned as soon as it times out; the simulator may count it a moment later.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (_sims.Dukcapil.Requests.Count(VerifyPath) < 3 && !patience.IsCancellationRequested)
        {
            await Task.Delay(20, CancellationToken.None);
        }

        Assert.Equal(3, _sims.Dukcapil.Requests.Count(VerifyPath));

        // Each attempt's timeout is reported, and the two retries after the first two.
        var events = Resilience.PipelineEventTests.Events(host);
        Assert.Equal([4006, 4001, 4006, 4001, 4006], events.Select(r => r.Id.Id));
        Assert.All(events.Where(r => r.Id.Id == 4006), r => Assert.Equal("attempt timeout", r.GetStructuredStateValue("Timeout")));
        Assert.All(events.Where(r => r.Id.Id == 4001), r => Assert.Equal("TimeoutRejectedException", r.GetStructuredStateValue("Outcome")));
    }

    [Fact]
    public async Task IdentityVerify_ErrorMessages_NeverEchoTheAgencyBody()
    {
        await using var host = AdapterHost.Create(AdapterHost.Dukcapil(_sims));
        var nik = Nik.Parse(Personas.NotRegistered.Nik, new DateOnly(2026, 11, 23));

        var error = await VerifyFailsAsync(host, new IdentityVerificationRequest { Nik = nik, FullName = "BUDI" });

        Assert.DoesNotContain("Data Tidak Ditemukan", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(nik.Value, error.Message, StringComparison.Ordinal);
    }

    private IdentityVerificationRequest HappyPathRequest() =>
        DukcapilAdapterTests.FullRequest(_sims.Population[Personas.HappyPath]);

    private static async Task<AgencyError> VerifyFailsAsync(AdapterHost host, IdentityVerificationRequest request) =>
        (await Assert.ThrowsAsync<AgencyException>(() =>
            host.Invoker.InvokeAsync(CanonicalCapabilities.IdentityVerify, request, new CallContext()))).Error;
}
