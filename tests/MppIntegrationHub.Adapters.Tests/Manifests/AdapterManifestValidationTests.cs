using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Adapters.Manifests;

namespace MppIntegrationHub.Adapters.Tests.Manifests;

public sealed class AdapterManifestValidationTests
{
    [Fact]
    public void ValidateOnStart_ManyBrokenRules_ReportsEveryErrorAtOnce()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddDukcapilAdapter(options =>
        {
            options.BaseUrl = new Uri("ftp://registry.example/");
            options.Retry.MaxRetries = 50;
            options.Timeouts.Attempt = TimeSpan.FromSeconds(40);
            options.Timeouts.Total = TimeSpan.FromSeconds(30);
            options.Breaker.FailureRatio = 2;
            options.Quota.PermitLimit = 0;
            options.Capabilities.Add("Not A Capability");
        });
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            [
                "BaseUrl", "Quota.PermitLimit", "Timeouts.Total", "Retry.MaxRetries", "Breaker.FailureRatio", "Not A Capability",
                "CustomerId", "UserId", "Password", "IpUser", "ApiKey",
            ],
            new[]
            {
                "BaseUrl", "Quota.PermitLimit", "Timeouts.Total", "Retry.MaxRetries", "Breaker.FailureRatio", "Not A Capability",
                "CustomerId", "UserId", "Password", "IpUser", "ApiKey",
            }.Where(rule => failure.Failures.Any(f => f.Contains(rule, StringComparison.Ordinal))));
        Assert.All(failure.Failures, f => Assert.StartsWith("Adapter 'dukcapil':", f, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_DefaultsWithBaseUrl_HaveNoErrors()
    {
        var manifest = new AdapterManifest { Id = "kemenag", Agency = "kemenag", BaseUrl = new Uri("https://api.kemenag.example/") };
        manifest.Capabilities.Add("religion.marriage.lookup");

        Assert.Empty(manifest.Validate());
    }

    [Fact]
    public void AddDukcapilAdapter_CalledTwice_ThrowsAClearError()
    {
        var services = new ServiceCollection();
        services.AddDukcapilAdapter();

        var error = Assert.Throws<InvalidOperationException>(() => services.AddDukcapilAdapter());

        Assert.Contains("DukcapilAdapter is already registered", error.Message, StringComparison.Ordinal);
    }
}
