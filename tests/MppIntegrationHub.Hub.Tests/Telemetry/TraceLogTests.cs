using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using MppIntegrationHub.Contracts.Consents;
using MppIntegrationHub.Hub.Telemetry;
using MppIntegrationHub.Hub.Tests.Support;

namespace MppIntegrationHub.Hub.Tests.Telemetry;

public sealed class TraceLogTests(TraceLogTests.LogCapturingHubFactory hub) : IClassFixture<TraceLogTests.LogCapturingHubFactory>
{
    [Fact]
    public async Task CitizenRead_ItsConsoleLogLines_CarryItsTraceIdAndNoNik()
    {
        using var portal = await hub.ClientForAsync(HubFactory.PortalA);
        await portal.RecordConsentAsync(hub, TestCitizens.Budi, DataPurpose.IdentityVerification);
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/citizens/{TestCitizens.Budi}/profile?purpose=identity-verification");
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        using var response = await portal.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = await EventuallyAsync(() => hub.Lines.Where(l => l.Contains(traceId.ToHexString(), StringComparison.Ordinal)).ToList());
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            Assert.Equal(traceId.ToHexString(), json.RootElement.GetProperty("traceId").GetString());
            Assert.Equal(16, json.RootElement.GetProperty("spanId").GetString()!.Length);
        }

        // The hosting log names the request path; the NIK in it is erased from every line.
        Assert.Contains(lines, l => l.Contains("/api/v1/citizens/", StringComparison.Ordinal));
        Assert.DoesNotContain(hub.Lines, l => l.Contains(TestCitizens.Budi, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_OnAFreshStore_NoErrorIsLoggedUpToTheFirstAgencySync()
    {
        // The first sync reads workflow tables other hosted services migrate: it must not run before them.
        _ = hub.Services;
        await EventuallyAsync(() => hub.Lines.Where(l => l.Contains("Agency deployment synchronised", StringComparison.Ordinal)).ToList());

        foreach (var line in hub.Lines)
        {
            using var json = JsonDocument.Parse(line);
            Assert.DoesNotContain(json.RootElement.GetProperty("level").GetString(), new[] { nameof(LogLevel.Error), nameof(LogLevel.Critical) });
        }
    }

    [Fact]
    public void Formatter_ExceptionMentioningANik_IsWrittenWithTheNikErased()
    {
        var formatter = new TracedJsonConsoleFormatter(TimeProvider.System);
        using var writer = new StringWriter();
        var entry = new LogEntry<string>(LogLevel.Error, "test", new EventId(7), "failed", new InvalidOperationException($"no record for {TestCitizens.Siti}"), (s, _) => s);

        formatter.Write(entry, null, writer);

        using var json = JsonDocument.Parse(writer.ToString());
        Assert.Equal("failed", json.RootElement.GetProperty("message").GetString());
        Assert.Contains(PersonalDataScrubber.Erased, json.RootElement.GetProperty("exception").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(TestCitizens.Siti, writer.ToString(), StringComparison.Ordinal);
    }

    private static async Task<List<string>> EventuallyAsync(Func<List<string>> lines)
    {
        var deadline = Stopwatch.StartNew();
        while (lines() is var found && found.Count == 0)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "no log line found");
            await Task.Delay(50);
        }

        return lines();
    }

    /// <summary>The hub with every log level on, its console lines written by the hub's own console formatter into <see cref="Lines"/>.</summary>
    public sealed class LogCapturingHubFactory : HubFactory
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Logging:LogLevel:Default", "Information");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Information");
            builder.UseSetting("Logging:LogLevel:MppIntegrationHub.Hub.Agencies", "Debug");
            builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(sp =>
            {
                var name = sp.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value.FormatterName;
                return new CapturingProvider(sp.GetServices<ConsoleFormatter>().Single(f => f.Name == name), Lines);
            }));
        }
    }

    private sealed class CapturingProvider(ConsoleFormatter formatter, ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, formatter, lines);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(string category, ConsoleFormatter formatter, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter1)
        {
            using var writer = new StringWriter();
            formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter1), null, writer);
            lines.Enqueue(writer.ToString());
        }
    }
}
