using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using MppIntegrationHub.Contracts.Serialization;
using MppIntegrationHub.Hub.Auth;
using Scalar.AspNetCore;

namespace MppIntegrationHub.Hub.Docs;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and the interactive reference at <c>/docs</c>.</summary>
public static class DocsExtensions
{
    public const string DocsPath = "/docs";

    /// <summary>Registers the OpenAPI document with the hub's description and OAuth2 client-credentials security.</summary>
    public static IServiceCollection AddHubDocs(this IServiceCollection services)
    {
        services.AddOpenApi("v1", options => options.AddSchemaTransformer(DescribeEnum).AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "MPP Integration Hub API",
                Version = "v1",
                Description = "One API for every MPP Digital portal: identity verification, consent, once-only citizen profile, health summary, service applications and their events. Errors are RFC 9457 problem details.",
                Contact = new OpenApiContact { Name = "MPP Integration Hub team", Email = "hub@mpp.example" },
                License = new OpenApiLicense { Name = "Proprietary (Government of Indonesia)", Url = new Uri("https://mpp.example/license") },
            };
            document.Servers = [new OpenApiServer { Url = "/", Description = "This hub" }];
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["oauth2"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "OAuth2 client credentials; scopes per operation, data category and service.",
                Flows = new OpenApiOAuthFlows
                {
                    ClientCredentials = new OpenApiOAuthFlow
                    {
                        TokenUrl = new Uri(TokenEndpoint.Path, UriKind.Relative),
                        Scopes = HubScopes.All.ToDictionary(s => s, s => $"Grants {s}."),
                    },
                },
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("oauth2", document)] = [] }];
            return Task.CompletedTask;
        }));
        services.AddHostedService<StartupBanner>();
        return services;
    }

    // HubJson's enum converter is the hub's own (exact reads), so the generator can neither list an enum's values nor
    // describe the items of an array of enums.
    private static Task DescribeEnum(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (EnumSchema(type) is { } values)
        {
            schema.Type = values.Type;
            schema.Enum = values.Enum;
        }
        else if (schema.Items is null && context.JsonTypeInfo.ElementType is { } element && EnumSchema(element) is { } items)
        {
            schema.Items = items;
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema? EnumSchema(Type type)
    {
        var enumType = Nullable.GetUnderlyingType(type) ?? type;
        return enumType.IsEnum
            ? new OpenApiSchema
            {
                Type = enumType == type ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null,
                Enum = [.. KebabCaseEnumConverter.NamesOf(enumType).Select(n => (JsonNode)JsonValue.Create(n))],
            }
            : null;
    }

    /// <summary>Maps the document and the Scalar reference.</summary>
    public static WebApplication MapHubDocs(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(DocsPath, options => options.WithTitle("MPP Integration Hub API")).AllowAnonymous();
        return app;
    }
}
