using System.Security.Cryptography;

namespace MppIntegrationHub.Hub.Tests.Support;

/// <summary>Token keys for the test hosts (the "Testing" environment gets no development keys), one pair per test run.</summary>
internal static class TestTokenKeys
{
    public static readonly string Signing = NewPem();

    public static readonly string Encryption = NewEncryptionKey();

    public static string NewPem()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem();
    }

    public static string NewEncryptionKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
