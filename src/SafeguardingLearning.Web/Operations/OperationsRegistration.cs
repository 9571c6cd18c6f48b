using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Serilog;
using Serilog.Events;

namespace SafeguardingLearning.Web.Operations;

public static class OperationsRegistration
{
    /// <summary>
    /// Serilog from the "Serilog" configuration section: the console always, a rolling file when
    /// one is configured (docs/operations.md). Health checks for liveness and readiness.
    /// </summary>
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        // Built from the final configuration (appsettings, environment variables and any host
        // overrides) when the first logger is asked for. The static Log.Logger is left alone so
        // that several app instances in one process (the tests) each keep their own log.
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(services.GetRequiredService<IConfiguration>())
                .Enrich.FromLogContext(),
            preserveStaticLogger: true);

        builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);

        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);

        ConfigureForwardedHeaders(builder);

        if (!builder.Environment.IsDevelopment())
        {
            builder.Services.AddHsts(options =>
            {
                options.MaxAge = TimeSpan.FromDays(365);
                options.IncludeSubDomains = true;
            });
        }

        return builder;
    }

    /// <summary>The first middleware: correlation id, security headers, request log and error pages wrap everything else.</summary>
    public static WebApplication UseOperations(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>(BenchmarkCounters.Setting))
        {
            app.UseMiddleware<BenchmarkCounters>();
        }

        // Behind a TLS proxy named in settings: the scheme and the person's address come from its
        // X-Forwarded-* headers, and from nobody else's. Without the setting the headers are ignored.
        if (TrustedProxies(app.Configuration) is { Count: > 0 })
        {
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.GetLevel = RequestLogLevel;
            options.EnrichDiagnosticContext = AddPerson;
        });
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseMiddleware<TooLargeFormMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        return app;
    }

    /// <summary>
    /// One line per request: method, path (never the query string, which could carry personal or
    /// case details), status and time, with the correlation id and the signed-in person's id — not
    /// their name or email, and nothing they typed.
    /// </summary>
    private static void AddPerson(IDiagnosticContext log, HttpContext context)
    {
        if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            log.Set("UserId", userId);
        }
    }

    private static LogEventLevel RequestLogLevel(HttpContext context, double elapsed, Exception? exception) =>
        exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
        : context.Request.Path.StartsWithSegments("/assets") || context.Request.Path.StartsWithSegments("/js") ? LogEventLevel.Debug
        : LogEventLevel.Information;

    /// <summary>
    /// <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c>
    /// (CIDR, like 10.0.0.0/8): only requests arriving from these are believed about the client's
    /// address and scheme. The framework's default trust of loopback is cleared.
    /// </summary>
    private static void ConfigureForwardedHeaders(WebApplicationBuilder builder)
    {
        var (proxies, networks) = (Setting(builder.Configuration, "KnownProxies"), Setting(builder.Configuration, "KnownNetworks"));
        if (proxies.Length == 0 && networks.Length == 0)
        {
            return;
        }

        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies has \"{proxy}\", which is not an IP address"));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks has \"{network}\", which is not a network like 10.0.0.0/8"));
            }
        });
    }

    private static string[] Setting(IConfiguration configuration, string name) =>
        configuration.GetSection("ForwardedHeaders").GetSection(name).Get<string[]>() ?? [];

    private static List<string> TrustedProxies(IConfiguration configuration) =>
        [.. Setting(configuration, "KnownProxies"), .. Setting(configuration, "KnownNetworks")];

    public static WebApplication MapHealth(this WebApplication app)
    {
        // Liveness: the process answers. Readiness: the database is reachable and migrated.
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }
}
