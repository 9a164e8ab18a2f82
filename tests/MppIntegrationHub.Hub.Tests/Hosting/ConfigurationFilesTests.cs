using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MppIntegrationHub.Hub.Tests.Support;

namespace MppIntegrationHub.Hub.Tests.Hosting;

public sealed class ConfigurationFilesTests
{
    [Fact]
    public async Task Hub_AppsettingsFiles_AreReadOnceNotWatched()
    {
        await using var hub = new HubFactory();

        var root = (IConfigurationRoot)hub.Services.GetRequiredService<IConfiguration>();

        var files = root.Providers.OfType<FileConfigurationProvider>().Select(p => p.Source).ToList();
        Assert.Contains(files, s => s.Path == "appsettings.json");
        Assert.All(files, s => Assert.False(s.ReloadOnChange, $"{s.Path} is watched for changes"));
    }
}
