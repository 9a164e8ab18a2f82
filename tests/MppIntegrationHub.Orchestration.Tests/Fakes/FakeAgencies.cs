using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MppIntegrationHub.Adapters;
using MppIntegrationHub.Contracts.Agencies;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Errors;
using MppIntegrationHub.Contracts.Serialization;

namespace MppIntegrationHub.Orchestration.Tests.Fakes;

/// <summary>
/// Deterministic agencies behind <see cref="ICapabilityInvoker"/>: they parse every request with the canonical
/// contract (so a workflow template that builds a wrong request fails here), honour idempotency keys the way the
/// real agencies do (same key, same answer, counted as a duplicate), progress cases on the fake clock, and take
/// injected faults.
/// </summary>
internal sealed class FakeAgencies(FakeTimeProvider clock) : ICapabilityInvoker
{
    private readonly System.Text.Json.JsonSerializerOptions _json = HubJson.Create(clock);
    private readonly ConcurrentDictionary<string, object> _effects = new();
    private readonly ConcurrentDictionary<string, FakeCase> _cases = new();
    private readonly ConcurrentDictionary<string, Billing> _billings = new();
    private readonly ConcurrentDictionary<string, int> _transientFaults = new();
    private readonly ConcurrentDictionary<string, AgencyError> _permanentFaults = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _hangs = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _held = new();
    private int _sequence;

    public ConcurrentQueue<(string Capability, string? Key, JsonElement Request)> Calls { get; } = new();

    /// <summary>Agency writes actually performed, per capability (a repeated idempotency key is not a new one).</summary>
    public ConcurrentDictionary<string, int> Effects { get; } = new();

    /// <summary>Writes that arrived again with a key already seen.</summary>
    public ConcurrentDictionary<string, int> Duplicates { get; } = new();

    public bool AutoPay { get; set; } = true;

    public bool LicenceExpired { get; set; }

    /// <summary>The next <paramref name="count"/> calls of <paramref name="capability"/> fail transiently; writes fail after taking effect (a lost response).</summary>
    public void FailTransiently(string capability, int count) => _transientFaults[capability] = count;

    public void FailPermanently(string capability, string code, string message) =>
        _permanentFaults[capability] = new AgencyError { Agency = AgencyOf(capability), Kind = AgencyErrorKind.Permanent, Code = code, Message = message };

    public void StopFailing(string capability) => _permanentFaults.TryRemove(capability, out _);

    /// <summary>The next call of <paramref name="capability"/> never answers until <see cref="Release"/>: a worker that died.</summary>
    public void HangNext(string capability) => _hangs[capability] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release(string capability)
    {
        if (_held.TryRemove(capability, out var hang))
        {
            hang.TrySetResult();
        }
    }

    public int CallsOf(string capability) => Calls.Count(c => c.Capability == capability);

    public Task<TResult> InvokeAsync<TRequest, TResult>(Capability<TRequest, TResult> capability, TRequest request, CallContext context, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The orchestrator calls capabilities untyped.");

    public async Task<JsonElement> InvokeAsync(string capability, JsonElement request, CallContext context, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue((capability, context.IdempotencyKey, request));
        if (_hangs.TryRemove(capability, out var hang))
        {
            _held[capability] = hang;
            await hang.Task.WaitAsync(cancellationToken);
        }

        if (_permanentFaults.TryGetValue(capability, out var permanent))
        {
            throw new AgencyException(permanent);
        }

        var descriptor = CanonicalCapabilities.ByName[capability];
        var typed = JsonSerializer.Deserialize(request, descriptor.RequestType, _json)!;
        object result;
        if (descriptor.HasAgencyEffect)
        {
            Assert.False(string.IsNullOrEmpty(context.IdempotencyKey), $"{capability} was called without an idempotency key");
            var first = false;
            result = _effects.GetOrAdd($"{capability}|{context.IdempotencyKey}", _ =>
            {
                first = true;
                return Perform(capability, typed);
            });
            if (first)
            {
                Effects.AddOrUpdate(capability, 1, (_, n) => n + 1);
            }
            else
            {
                Duplicates.AddOrUpdate(capability, 1, (_, n) => n + 1);
            }
        }
        else
        {
            result = Perform(capability, typed);
        }

        if (TakeTransientFault(capability))
        {
            throw new AgencyException(new AgencyError
            {
                Agency = AgencyOf(capability), Kind = AgencyErrorKind.Transient, Code = "http.503", Message = "The agency is unavailable.",
            });
        }

        return JsonSerializer.SerializeToElement(result, result.GetType(), _json);
    }

    private bool TakeTransientFault(string capability)
    {
        while (_transientFaults.TryGetValue(capability, out var left) && left > 0)
        {
            if (_transientFaults.TryUpdate(capability, left - 1, left))
            {
                return true;
            }
        }

        return false;
    }

    private object Perform(string capability, object request)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return (capability, request) switch
        {
            ("identity.verify", _) => new Contracts.Verification.IdentityVerificationResult
            {
                Decision = Contracts.Verification.VerificationDecision.Verified,
                Fields = new Dictionary<string, Contracts.Verification.FieldVerdict> { ["fullName"] = new(true, 100) },
            },
            ("population.profile", CitizenQuery q) => new Contracts.Citizens.CitizenProfile { Nik = q.Nik, FullName = "SITI RAHAYU" },
            ("payment.billing.create", BillingRequest b) => CreateBilling(b, now),
            ("payment.billing.status", BillingQuery q) => BillingStatus(q.BillingCode, now),
            ("driving.licence.eligibility", DrivingLicenceQuery q) => LicenceExpired
                ? new LicenceRenewalEligibility(false, new DrivingLicence("1234-5678-000123", q.Class ?? LicenceClass.A, today.AddYears(-6), today.AddDays(-30)), "The licence expired; a new application is needed.")
                : new LicenceRenewalEligibility(true, new DrivingLicence("1234-5678-000123", q.Class ?? LicenceClass.A, today.AddYears(-5).AddDays(30), today.AddDays(30)), null),
            ("driving.health.result", _) => new LicenceTestResult("RIKKES-0001", true, today.AddDays(-3), today.AddMonths(6)),
            ("driving.psychology.result", _) => new LicenceTestResult("PPSI-0001", true, today.AddDays(-3), today.AddMonths(6)),
            ("passport.appointment.book", PassportAppointmentRequest r) => new PassportAppointment($"JDW-{Next():D6}", r.OfficeCode, r.PreferredDate, "09:00-10:00"),
            ("passport.appointment.cancel", PassportAppointmentCancellation c) => Cancel(c.AppointmentId, now),
            ("police.clearance.submit", PoliceClearanceRequest) => Open("SKCK", now, TimeSpan.FromDays(3), new() { ["certificateNumber"] = $"SKCK/{Next():D6}/XI/2026/POLRES", ["validUntil"] = "2027-05-26" }),
            ("driving.licence.renew", LicenceRenewalRequest) => Open("SIM", now, TimeSpan.FromDays(3), new() { ["licenceNumber"] = "1234-5678-000999", ["validUntil"] = "2031-12-23" }),
            ("passport.application.submit", PassportApplicationRequest) => Open("PASPOR", now, TimeSpan.FromDays(7), new() { ["passportNumber"] = "X1234567", ["validUntil"] = "2036-11-30" }),
            ("population.document.request", KtpReplacementRequest) => Open("KTP", now, TimeSpan.FromDays(1), new() { ["pickupLocation"] = "MPP Kota Bandung" }),
            (_, AgencyCaseQuery q) => CaseStatus(q.Reference, now),
            _ => throw new InvalidOperationException($"The fake agencies do not serve {capability}."),
        };
    }

    private Billing CreateBilling(BillingRequest request, DateTimeOffset now)
    {
        var billing = new Billing
        {
            BillingCode = $"82026112300{Next():D4}",
            Amount = request.Amount,
            CreatedAt = now,
            ExpiresAt = now + (request.ValidFor ?? TimeSpan.FromDays(2)),
            Status = Contracts.Agencies.BillingStatus.Unpaid,
        };
        _billings[billing.BillingCode] = billing;
        return billing;
    }

    public IReadOnlyCollection<Billing> Billings => [.. _billings.Values];

    public void Pay(string billingCode) =>
        _billings.AddOrUpdate(billingCode, _ => throw new InvalidOperationException("no such billing"), (_, b) => b with
        {
            Status = Contracts.Agencies.BillingStatus.Paid, Ntpn = "NTPN" + billingCode[^12..], Ntb = "000000000001", PaidAt = clock.GetUtcNow(),
        });

    private Billing BillingStatus(string code, DateTimeOffset now)
    {
        var billing = _billings[code];
        if (billing.Status == Contracts.Agencies.BillingStatus.Unpaid && now >= billing.ExpiresAt)
        {
            billing = _billings[code] = billing with { Status = Contracts.Agencies.BillingStatus.Expired };
        }
        else if (billing.Status == Contracts.Agencies.BillingStatus.Unpaid && AutoPay)
        {
            Pay(code);
            billing = _billings[code];
        }

        return billing;
    }

    private AgencyCase Open(string prefix, DateTimeOffset now, TimeSpan takes, Dictionary<string, string> outputs)
    {
        var reference = $"{prefix}-{Next():D6}";
        _cases[reference] = new FakeCase(now + takes, outputs);
        return new AgencyCase { Reference = reference, Status = AgencyCaseStatus.Received, UpdatedAt = now };
    }

    private AgencyCase CaseStatus(string reference, DateTimeOffset now)
    {
        var fake = _cases[reference];
        return now >= fake.DoneAt
            ? new AgencyCase { Reference = reference, Status = AgencyCaseStatus.Completed, UpdatedAt = now, Outputs = fake.Outputs }
            : new AgencyCase { Reference = reference, Status = AgencyCaseStatus.InProgress, UpdatedAt = now };
    }

    private static AgencyCase Cancel(string appointmentId, DateTimeOffset now) =>
        new() { Reference = appointmentId, Status = AgencyCaseStatus.Cancelled, UpdatedAt = now };

    private int Next() => Interlocked.Increment(ref _sequence);

    private static string AgencyOf(string capability) => capability.Split('.')[0];

    private sealed record FakeCase(DateTimeOffset DoneAt, Dictionary<string, string> Outputs);
}
