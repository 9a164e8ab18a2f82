using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using MppIntegrationHub.Benchmarks.Adapters;

// dotnet run -c Release --project tests/MppIntegrationHub.Benchmarks -- --filter '*Region*'
// dotnet run -c Release --project tests/MppIntegrationHub.Benchmarks -- cpu-per-call [calls per round] [rounds]
if (args is ["cpu-per-call", ..])
{
    AdapterCpuProbe.Run(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 15);
    return;
}

// The generated benchmark project is built on a machine shared with other builds: BenchmarkDotNet's two-minute build
// timeout is too short there.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
    .Run(args, ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10)));
