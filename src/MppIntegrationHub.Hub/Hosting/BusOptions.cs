using System.ComponentModel.DataAnnotations;

namespace MppIntegrationHub.Hub.Hosting;

/// <summary>Which message transport connects the hub's processes (configuration section <c>Bus</c>).</summary>
public sealed record BusOptions
{
    public const string Section = "Bus";

    /// <summary><see cref="BusTransport.InMemory"/> (one process, the default) or <see cref="BusTransport.RabbitMq"/> (scale-out).</summary>
    public BusTransport Transport { get; init; } = BusTransport.InMemory;

    /// <summary>The broker, used when <see cref="Transport"/> is <see cref="BusTransport.RabbitMq"/>.</summary>
    public RabbitMqOptions RabbitMq { get; init; } = new();
}

public enum BusTransport
{
    InMemory,
    RabbitMq,
}

/// <summary>RabbitMQ connection and flow control (configuration section <c>Bus:RabbitMq</c>).</summary>
public sealed record RabbitMqOptions
{
    /// <summary>AMQP URI with credentials and virtual host, e.g. <c>amqp://hub:secret@rabbit:5672/mpp</c>.</summary>
    public Uri Uri { get; init; } = new("amqp://guest:guest@127.0.0.1:5672/");

    /// <summary>Unacknowledged messages the broker pushes ahead to each receive endpoint without its own setting.</summary>
    [Range(1, 10_000)]
    public ushort PrefetchCount { get; init; } = 32;

    /// <summary>Name the connection shows in the broker's management view (defaults to the machine and process id).</summary>
    public string? ConnectionName { get; init; }
}
