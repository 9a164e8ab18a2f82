using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MppIntegrationHub.Hub.Secrets;

namespace MppIntegrationHub.Hub.Tests.Secrets;

public sealed class KeyRingProtectionTests : IDisposable
{
    private const string Password = "key-ring-test-password";
    private readonly string _folder = Directory.CreateTempSubdirectory("hub-key-ring-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void KeyRing_WithACertificate_IsEncryptedAtRestAndReadableOnlyWithTheCertificate()
    {
        var certificate = WriteCertificate("current.pfx");
        using var first = Host(certificate);
        using var second = Host(certificate);
        using var withoutCertificate = Host(null);

        var protectedSecret = Protector(first).Protect("webhook-signing-secret");

        Assert.Equal("webhook-signing-secret", Protector(second).Unprotect(protectedSecret));
        var keyFile = File.ReadAllText(Assert.Single(Directory.GetFiles(Path.Combine(_folder, "keys"), "key-*.xml")));
        Assert.Contains("EncryptedData", keyFile, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", keyFile, StringComparison.Ordinal);
        Assert.ThrowsAny<CryptographicException>(() => Protector(withoutCertificate).Unprotect(protectedSecret));
    }

    [Fact]
    public void KeyRing_AfterACertificateRotation_KeysOfThePreviousCertificateStayReadable()
    {
        var old = WriteCertificate("old.pfx");
        var replacement = WriteCertificate("new.pfx");
        using var before = Host(old);
        var protectedSecret = Protector(before).Protect("webhook-signing-secret");

        using var rotated = Host(replacement, old);

        Assert.Equal("webhook-signing-secret", Protector(rotated).Unprotect(protectedSecret));
    }

    private ServiceProvider Host(string? certificate, string? previous = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Hub:DataProtection:KeyFolder"] = Path.Combine(_folder, "keys"),
            ["Hub:DataProtection:Certificate"] = certificate,
            ["Hub:DataProtection:CertificatePassword"] = Password,
        };
        if (previous is not null)
        {
            settings["Hub:DataProtection:PreviousCertificates:0"] = previous;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddSecretProtection(configuration).BuildServiceProvider();
    }

    private static IDataProtector Protector(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("key-ring-test");

    private string WriteCertificate(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=MppIntegrationHub key ring", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}
