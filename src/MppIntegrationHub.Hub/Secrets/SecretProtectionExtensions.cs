using Microsoft.AspNetCore.DataProtection;

namespace MppIntegrationHub.Hub.Secrets;

/// <summary>Registers ASP.NET Core Data Protection with a key ring shared by every process of the hub.</summary>
public static class SecretProtectionExtensions
{
    /// <summary>Adds Data Protection under one application name, keys in <see cref="SecretProtectionOptions.KeyFolder"/>.</summary>
    public static IServiceCollection AddSecretProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SecretProtectionOptions.Section).Get<SecretProtectionOptions>() ?? new SecretProtectionOptions();
        services.AddDataProtection()
            .SetApplicationName("MppIntegrationHub")
            .PersistKeysToFileSystem(Directory.CreateDirectory(options.KeyFolder));
        return services;
    }
}
