using System.Text.Json;
using System.Text.Json.Nodes;
using MppIntegrationHub.Adapters.Declarative.Manifests;
using MppIntegrationHub.Contracts.Serialization;

namespace MppIntegrationHub.Adapters.Declarative.Tests.Support;

/// <summary>The published BPJS Kesehatan example manifest, pointed at a twin, and its version 2.</summary>
internal static class BpjsManifests
{
    public const string Capability = "bpjs.membership.check";
    public const string ActiveNik = "3273010101900001";
    public const string UnknownNik = "3273014502850002";

    public static JsonObject Node() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "bpjs-kesehatan-membership.adapter.json")))!.AsObject();

    public static string Version1(Uri baseUrl) => With(Node(), baseUrl).ToJsonString();

    /// <summary>Version 2 adds the class code to the output.</summary>
    public static string Version2(Uri baseUrl)
    {
        var node = With(Node(), baseUrl);
        node["version"] = "2.0.0";
        var operation = node["operations"]![0]!;
        operation["response"] = "response.peserta.{nik: nik, status: statusPeserta.keterangan, active: statusPeserta.kode == '0', class: hakKelas.keterangan, classCode: hakKelas.kode, facilityCode: provUmum.kdProvider, facilityName: provUmum.nmProvider}";
        operation["output"]!["fields"]!["classCode"] = "string";
        operation["examples"]![0]!["expectedOutput"]!["classCode"] = "1";
        return node.ToJsonString();
    }

    public static DeclarativeAdapterManifest Parse(string json) =>
        JsonSerializer.Deserialize<DeclarativeAdapterManifest>(json, HubJson.Options)!;

    public static JsonElement Input(string nik) => JsonSerializer.SerializeToElement(new { nik });

    private static JsonObject With(JsonObject node, Uri baseUrl)
    {
        node["baseUrl"] = baseUrl.AbsoluteUri;
        return node;
    }
}
