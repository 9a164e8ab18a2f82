using System.Diagnostics;
using MppIntegrationHub.Hub.Tests.Support;

namespace MppIntegrationHub.Hub.Tests.Docs;

public sealed class SpectralLintTests(HubFactory hub) : IClassFixture<HubFactory>
{
    [Fact]
    public async Task OpenApiDocument_LintsWithZeroErrorsUnderSpectralOas()
    {
        using var http = hub.CreateClient();
        var document = Path.Combine(Path.GetTempPath(), $"hub-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var (exitCode, report) = await RunAsync(Path.Combine(RepositoryRoot(), "tools", "spectral", "lint.sh"), document);
        File.Delete(document);

        Assert.True(exitCode == 0, report);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string script, string argument)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "MppIntegrationHub.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("MppIntegrationHub.sln not found above the test binaries.");
    }
}
