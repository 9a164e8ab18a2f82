using MppIntegrationHub.Adapters.Callbacks;
using MppIntegrationHub.Contracts.Capabilities;
using HubBilling = MppIntegrationHub.Contracts.Agencies.Billing;

namespace MppIntegrationHub.Adapters.Billing;

/// <summary>SIMPONI's payment notification: the billing as <c>GET /billing/{kode_billing}</c> answers it once paid.</summary>
public sealed class BillingCallbackTranslator() : AgencyCallbackTranslator<SimponiBilling, HubBilling>(BillingAdapter.Agency, CanonicalCapabilities.BillingStatus)
{
    protected override HubBilling Map(SimponiBilling answer) => BillingAdapter.Map(answer);

    protected override string ReferenceOf(HubBilling result) => result.BillingCode;

    protected override DateTimeOffset UpdatedAtOf(HubBilling result) => result.PaidAt ?? result.CreatedAt;
}
