using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace MppIntegrationHub.Hub.Secrets;

/// <summary>Registers ASP.NET Core Data Protection with a key ring shared by every process of the hub.</summary>
public static class SecretProtectionExtensions
{
    /// <summary>
    /// Adds Data Protection under one application name, keys in <see cref="SecretProtectionOptions.KeyFolder"/>,
    /// encrypted at rest with <see cref="SecretProtectionOptions.Certificate"/> when one is configured.
    /// </summary>
    public static IServiceCollection AddSecretProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SecretProtectionOptions.Section).Get<SecretProtectionOptions>() ?? new SecretProtectionOptions();
        var protection = services.AddDataProtection()
            .SetApplicationName("MppIntegrationHub")
            .PersistKeysToFileSystem(Directory.CreateDirectory(options.KeyFolder));
        if (!string.IsNullOrWhiteSpace(options.Certificate))
        {
            var current = Load(options.Certificate, options.CertificatePassword);
            protection.ProtectKeysWithCertificate(current)
                .UnprotectKeysWithAnyCertificate([current, .. options.PreviousCertificates.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => Load(p, options.CertificatePassword))]);
        }

        return services;
    }

    private static X509Certificate2 Load(string path, string? password) =>
        Path.GetExtension(path).ToUpperInvariant() is ".PFX" or ".P12"
            ? X509CertificateLoader.LoadPkcs12FromFile(path, password)
            : X509Certificate2.CreateFromPemFile(path);
}
