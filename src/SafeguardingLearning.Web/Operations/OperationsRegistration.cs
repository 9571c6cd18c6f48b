using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Serilog;
using Serilog.Extensions.Logging;

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
        // overrides), when the first logger is asked for.
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<ILoggerProvider>(services => new SerilogLoggerProvider(
            new LoggerConfiguration().ReadFrom.Configuration(services.GetRequiredService<IConfiguration>()).CreateLogger(),
            dispose: true));

        builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);

        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);

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
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        return app;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        // Liveness: the process answers. Readiness: the database is reachable and migrated.
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }
}
