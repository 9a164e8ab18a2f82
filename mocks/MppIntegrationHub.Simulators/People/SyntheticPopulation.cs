using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.Json;
using MppIntegrationHub.Contracts.Identity;
using MppIntegrationHub.Contracts.Serialization;

namespace MppIntegrationHub.Simulators.People;

/// <summary>The citizens every simulator serves, with lookups by NIK, persona and SATUSEHAT patient id.</summary>
public sealed class SyntheticPopulation
{
    private readonly FrozenDictionary<string, Citizen> _byNik;
    private readonly FrozenDictionary<string, Citizen> _byPatientId;

    internal SyntheticPopulation(int seed, DateOnly referenceDate, IReadOnlyList<Citizen> citizens)
    {
        Seed = seed;
        ReferenceDate = referenceDate;
        Citizens = citizens;
        _byNik = citizens.ToFrozenDictionary(c => c.Nik.Value);
        _byPatientId = citizens.ToFrozenDictionary(c => c.HealthPatientId);
    }

    public int Seed { get; }

    /// <summary>The date the population was generated around (licence expiries, ages).</summary>
    public DateOnly ReferenceDate { get; }

    public IReadOnlyList<Citizen> Citizens { get; }

    public int Count => Citizens.Count;

    public Citizen this[Persona persona] => _byNik[persona.Nik];

    public bool TryFind(string nik, [NotNullWhen(true)] out Citizen? citizen) => _byNik.TryGetValue(nik, out citizen);

    public bool TryFind(Nik nik, [NotNullWhen(true)] out Citizen? citizen) => TryFind(nik.Value, out citizen);

    public bool TryFindPatient(string patientId, [NotNullWhen(true)] out Citizen? citizen) =>
        _byPatientId.TryGetValue(patientId, out citizen);

    /// <summary>Family members sharing <paramref name="citizen"/>'s KK, the citizen included.</summary>
    public IEnumerable<Citizen> FamilyOf(Citizen citizen) => Citizens.Where(c => c.Kk == citizen.Kk);

    /// <summary>The reference photo Dukcapil matches faces against (see <see cref="FaceImages"/>).</summary>
    public static byte[] ReferenceFace(Citizen citizen) => FaceImages.ReferenceFor(citizen.Nik.Value);

    /// <summary>SHA-256 (hex) of the population serialised with the hub's JSON rules, one citizen after another.</summary>
    public string Fingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var citizen in Citizens)
        {
            hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(citizen, HubJson.Options));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
