namespace MppIntegrationHub.Processes.Tests.Support;

/// <summary>Where the built programs the tests launch live: beside this test assembly's build, same configuration.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release, as this test assembly was built (test.sh builds everything in Release).</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string HubDll => Program("src/MppIntegrationHub.Hub", "MppIntegrationHub.Hub.dll");

    public static string SimulatorsHostDll => Program("mocks/MppIntegrationHub.Simulators.Host", "MppIntegrationHub.Simulators.Host.dll");

    public static string ServicesScript => Path.Combine(Root, "scripts", "services.sh");

    private static string Program(string project, string dll)
    {
        var path = Path.Combine(Root, project, "bin", Configuration, "net10.0", dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} ({Configuration}) first: test.sh builds the solution.", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MppIntegrationHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (MppIntegrationHub.sln) is not above the test assembly.");
    }
}
