using System.Net.Http.Json;
using MppIntegrationHub.Adapters;
using MppIntegrationHub.Adapters.Manifests;
using MppIntegrationHub.Adapters.Registry;
using MppIntegrationHub.Adapters.Rest;
using MppIntegrationHub.Contracts.Capabilities;

namespace MppIntegrationHub.Benchmarks.DeclarativeAdapters;

/// <summary>
/// The same BPJS membership check written as a compiled adapter (typed DTOs, System.Text.Json with the SDK's agency
/// rules): the baseline the declarative adapter is measured against.
/// </summary>
internal sealed class BpjsCompiledAdapter : CompiledAdapter
{
    public static readonly Capability<MembershipQuery, Membership> Check = new("bpjs.membership.check", "BPJS Kesehatan membership.");

    // The SDK's strict agency rules, with VClaim's camelCase names.
    private static readonly System.Text.Json.JsonSerializerOptions Vclaim = new(AgencyJson.Options) { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase };

    private readonly HttpClient _http;

    public BpjsCompiledAdapter(AdapterManifest manifest, HttpClient http)
        : base(manifest)
    {
        _http = http;
        Handle(Check, CheckAsync);
    }

    private async Task<Membership> CheckAsync(MembershipQuery query, CallContext context, CancellationToken cancellationToken)
    {
        var answer = await _http.GetFromJsonAsync<VclaimAnswer>($"peserta/nik/{Uri.EscapeDataString(query.Nik)}", Vclaim, cancellationToken)
            ?? throw new System.Text.Json.JsonException("Empty answer.");
        var member = answer.Response!.Peserta;
        return new Membership(member.Nik, member.StatusPeserta.Keterangan, member.StatusPeserta.Kode == "0", member.HakKelas.Keterangan, member.ProvUmum.KdProvider, member.ProvUmum.NmProvider);
    }

    internal sealed record MembershipQuery(string Nik);

    internal sealed record Membership(string Nik, string Status, bool Active, string Class, string FacilityCode, string FacilityName);

    private sealed record VclaimAnswer(Meta MetaData, VclaimResponse? Response);

    private sealed record Meta(string Code, string Message);

    private sealed record VclaimResponse(Peserta Peserta);

    private sealed record Peserta(string Nik, string Nama, Coded StatusPeserta, Coded HakKelas, Provider ProvUmum);

    private sealed record Coded(string Kode, string Keterangan);

    private sealed record Provider(string KdProvider, string NmProvider);
}
