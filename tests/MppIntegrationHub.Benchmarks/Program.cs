using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/MppIntegrationHub.Benchmarks -- --filter '*Region*'
// The generated benchmark project is built on a machine shared with other builds: BenchmarkDotNet's two-minute build
// timeout is too short there.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
    .Run(args, ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10)));
