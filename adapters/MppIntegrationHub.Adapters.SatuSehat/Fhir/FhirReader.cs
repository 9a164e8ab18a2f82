using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace MppIntegrationHub.Adapters.SatuSehat.Fhir;

/// <summary>
/// Reads SATUSEHAT's FHIR JSON with the Firely SDK in recoverable mode: the real service's quirks (codes outside the
/// value set, such as <c>"severity":"invalid"</c>, unknown extensions) are kept, not fatal; broken JSON or a wrong
/// resource type is a malformed answer.
/// </summary>
public static class FhirReader
{
    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings().UsingMode(DeserializationMode.Recoverable));

    public static T Read<T>(string json)
        where T : Resource
    {
        try
        {
            return Deserializer.DeserializeResource(json) as T
                ?? throw new FormatException($"SATUSEHAT answered a resource other than {typeof(T).Name}.");
        }
        catch (DeserializationFailedException)
        {
            throw new FormatException("SATUSEHAT answered FHIR the hub could not read.");
        }
    }

    /// <summary>The resources of type <typeparamref name="T"/> in a searchset bundle.</summary>
    public static IEnumerable<T> Entries<T>(string json)
        where T : Resource =>
        Read<Bundle>(json).Entry.Select(e => e.Resource).OfType<T>();
}
