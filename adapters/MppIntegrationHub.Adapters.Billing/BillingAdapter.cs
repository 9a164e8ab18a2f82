using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Adapters.Errors;
using MppIntegrationHub.Adapters.Redaction;
using MppIntegrationHub.Adapters.Registry;
using MppIntegrationHub.Adapters.Rest;
using MppIntegrationHub.Contracts.Agencies;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Errors;
using HubBilling = MppIntegrationHub.Contracts.Agencies.Billing;

namespace MppIntegrationHub.Adapters.Billing;

/// <summary>PNBP billing through SIMPONI: create a billing code, read whether it was paid.</summary>
public sealed partial class BillingAdapter : CompiledAdapter
{
    public const string Agency = "simponi";

    private static readonly KodePesanErrorMapper Errors = new(new Dictionary<string, AgencyErrorKind>
    {
        ["BILLING_KEDALUWARSA"] = AgencyErrorKind.Permanent,
    });

    private readonly ISimponiApi _simponi;
    private readonly ILogger<BillingAdapter> _logger;

    public BillingAdapter(IOptions<BillingAdapterOptions> options, ISimponiApi simponi, ILogger<BillingAdapter> logger)
        : base(options?.Value ?? throw new ArgumentNullException(nameof(options)))
    {
        _simponi = simponi;
        _logger = logger;
        Handle(CanonicalCapabilities.BillingCreate, CreateAsync);
        Handle(CanonicalCapabilities.BillingStatus, async (query, _, ct) => Map(await _simponi.GetAsync(query.BillingCode, ct).ConfigureAwait(false)));
    }

    protected override IAgencyErrorBodyMapper ErrorBodyMapper => Errors;

    private async Task<HubBilling> CreateAsync(BillingRequest request, CallContext context, CancellationToken cancellationToken)
    {
        var body = new SimponiBillingRequest(
            request.PayerNik.Value,
            request.PayerName,
            request.AgencyCode,
            request.AccountCode,
            request.Amount,
            request.ServiceCode,
            request.ValidFor is { } validFor ? (int)Math.Ceiling(validFor.TotalMinutes) : null);
        var billing = Map(await _simponi.CreateAsync(body, context.IdempotencyKey!, cancellationToken).ConfigureAwait(false));
        BillingCreated(_logger, request.PayerNik.Value, request.PayerName, billing.BillingCode, billing.Amount);
        return billing;
    }

    internal static HubBilling Map(SimponiBilling billing) => new()
    {
        BillingCode = billing.BillingCode,
        Amount = billing.Amount,
        CreatedAt = billing.CreatedAt,
        ExpiresAt = billing.ExpiresAt,
        Status = billing.Status switch
        {
            "BELUM_DIBAYAR" => BillingStatus.Unpaid,
            "SUDAH_DIBAYAR" => BillingStatus.Paid,
            "KEDALUWARSA" => BillingStatus.Expired,
            "DIBATALKAN" => BillingStatus.Cancelled,
            _ => throw new FormatException("SIMPONI sent a billing status the hub does not know."),
        },
        Ntb = billing.Ntb,
        Ntpn = billing.Ntpn,
        PaidAt = billing.PaidAt,
    };

    [LoggerMessage(EventId = 4601, Level = LogLevel.Information, Message = "Billing {BillingCode} of Rp{Amount} created for {PayerNik} ({PayerName})")]
    private static partial void BillingCreated(ILogger logger, [Nik] string payerNik, [PersonName] string payerName, string billingCode, long amount);
}
