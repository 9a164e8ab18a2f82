using System.Diagnostics;
using Npgsql;

namespace MppIntegrationHub.Processes.Tests.Support;

/// <summary>
/// The PostgreSQL and RabbitMQ that test.sh starts (scripts/services.sh; MPP_TEST_POSTGRES, MPP_TEST_RABBITMQ). Each
/// test gets a fresh database and a fresh virtual host, so runs never see each other's rows or queues. Missing
/// engines fail the test: scale-out is never skipped.
/// </summary>
internal sealed class Engines : IAsyncDisposable
{
    private readonly string _server;

    private Engines(string server, string database, Uri broker, string virtualHost)
    {
        _server = server;
        Database = database;
        VirtualHost = virtualHost;
        Broker = broker;
        StoreConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 40 }.ConnectionString;
    }

    public string Database { get; }

    public string VirtualHost { get; }

    public Uri Broker { get; }

    public string StoreConnectionString { get; }

    /// <summary>Hub settings for the store and the bus of this test.</summary>
    public Dictionary<string, string?> HubSettings => new()
    {
        ["Store__Provider"] = "PostgreSql",
        ["Store__ConnectionString"] = StoreConnectionString,
        ["Bus__Transport"] = "RabbitMq",
        ["Bus__RabbitMq__Uri"] = Broker.ToString(),
    };

    public static async Task<Engines> CreateAsync()
    {
        var server = Required("MPP_TEST_POSTGRES");
        var broker = new Uri(Required("MPP_TEST_RABBITMQ"));
        var name = $"hub_{Guid.NewGuid():N}"[..20];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        await ServicesAsync("rabbitmq-vhost", name);
        return new Engines(server, name, new UriBuilder(broker) { Path = "/" + name }.Uri, name);
    }

    /// <summary>Stops the broker of this test run and starts it again (scripts/services.sh restart-rabbitmq).</summary>
    public static Task RestartBrokerAsync() => ServicesAsync("restart-rabbitmq");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using (var connection = new NpgsqlConnection(_server))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        await ServicesAsync("rabbitmq-vhost-delete", VirtualHost);
    }

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set: run ./test.sh, or source scripts/services.sh and call services_start.");

    private static async Task ServicesAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Repository.ServicesScript);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/services.sh {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
