using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/MppIntegrationHub.Benchmarks -- --filter '*Region*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
