namespace MppIntegrationHub.Hub.Operators;

/// <summary>Serves the operator console: static files from <c>wwwroot/console</c>, no build step, no third-party origin.</summary>
public static class OperatorConsoleExtensions
{
    public const string Path = "/console";

    // The page keeps its access token in sessionStorage, so the policy admits scripts, styles and requests of this
    // origin only: injected markup can neither run inline script nor send the token elsewhere.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>
    /// Serves the console's files in every environment: from the build output's static web assets manifest (source
    /// files and their compressed variants) when run from a build, from <c>wwwroot</c> when published.
    /// </summary>
    public static WebApplicationBuilder AddOperatorConsole(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.UseStaticWebAssets();
        return builder;
    }

    /// <summary>Maps <c>/console</c> (redirect to the page) and the page's files, with a strict Content-Security-Policy.</summary>
    public static WebApplication MapOperatorConsole(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(Path, () => Results.Redirect($"{Path}/index.html")).ExcludeFromDescription();
        app.MapStaticAssets();
        return app;
    }

    /// <summary>Adds the console's security headers to its responses.</summary>
    public static WebApplication UseOperatorConsoleHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use((http, next) =>
        {
            if (http.Request.Path.StartsWithSegments(Path, StringComparison.Ordinal))
            {
                http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers["Referrer-Policy"] = "no-referrer";
            }

            return next(http);
        });
        return app;
    }
}
