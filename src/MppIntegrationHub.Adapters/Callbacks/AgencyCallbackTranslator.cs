using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MppIntegrationHub.Adapters.Rest;
using MppIntegrationHub.Contracts.Agencies;
using MppIntegrationHub.Contracts.Capabilities;
using MppIntegrationHub.Contracts.Serialization;

namespace MppIntegrationHub.Adapters.Callbacks;

/// <summary>
/// A translator for an agency whose callback body is its status answer: read with the agency's wire rules
/// (<see cref="AgencyJson"/>), mapped by the same function the adapter's status call uses.
/// </summary>
/// <typeparam name="TBody">The agency's status DTO.</typeparam>
/// <typeparam name="TResult">The status capability's canonical answer.</typeparam>
public abstract class AgencyCallbackTranslator<TBody, TResult>(string agency, CapabilityDescriptor capability) : IAgencyCallbackTranslator
    where TBody : class
{
    public string Agency => agency;

    public string Capability => capability.Name;

    public AgencyCallback? Translate(JsonElement body)
    {
        try
        {
            if (body.ValueKind != JsonValueKind.Object || body.Deserialize<TBody>(AgencyJson.Options) is not { } answer)
            {
                return null;
            }

            var result = Map(answer);
            return new AgencyCallback(ReferenceOf(result), UpdatedAtOf(result), JsonSerializer.SerializeToElement(result, HubJson.Options));
        }
        catch (JsonException)
        {
            return null;
        }
        catch (FormatException)
        {
            // An unknown status word or date: the adapter's mapping refuses it exactly as it would a polled answer.
            return null;
        }
    }

    protected abstract TResult Map(TBody answer);

    protected abstract string ReferenceOf(TResult result);

    protected abstract DateTimeOffset UpdatedAtOf(TResult result);
}

/// <summary>A translator for an agency case (SKCK, SIM renewal, passport, e-KTP): reference and time come from the case.</summary>
/// <typeparam name="TBody">The agency's case DTO.</typeparam>
public abstract class AgencyCaseCallbackTranslator<TBody>(string agency, CapabilityDescriptor capability)
    : AgencyCallbackTranslator<TBody, AgencyCase>(agency, capability)
    where TBody : class
{
    protected override string ReferenceOf(AgencyCase result) => result.Reference;

    protected override DateTimeOffset UpdatedAtOf(AgencyCase result) => result.UpdatedAt;
}

/// <summary>Registers callback translators.</summary>
public static class AgencyCallbackServiceCollectionExtensions
{
    /// <summary>Adds <typeparamref name="TTranslator"/> once, so the hub's callback endpoint can read that agency's callbacks.</summary>
    public static IServiceCollection AddAgencyCallbackTranslator<TTranslator>(this IServiceCollection services)
        where TTranslator : class, IAgencyCallbackTranslator
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAgencyCallbackTranslator, TTranslator>());
        return services;
    }
}
