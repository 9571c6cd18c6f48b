using System.Globalization;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Microsoft.Data.SqlClient;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Deadlines;

namespace SafeguardingLearning.Web.Scheduling;

/// <summary>What a process of this build is for.</summary>
public enum ProcessRole
{
    /// <summary>Serves the pages, and runs the jobs too unless <see cref="SchedulingOptions.RunJobs"/> is false.</summary>
    Web,

    /// <summary>Runs the jobs and serves nothing but <c>/health</c> and <c>/health/ready</c>.</summary>
    Worker,
}

/// <summary>Where and how often the jobs run; under <c>Scheduling</c>. Cron expressions are in Europe/London time.</summary>
public sealed class SchedulingOptions
{
    /// <summary><c>Web</c> (the default) or <c>Worker</c>: the same build started as a worker runs the jobs and no pages.</summary>
    public ProcessRole Role { get; set; } = ProcessRole.Web;

    /// <summary>
    /// Whether this process runs the jobs (a Hangfire server). Every process can queue and see them;
    /// in a larger deployment, web instances set this to false and a worker (the same build,
    /// <see cref="Role"/> <c>Worker</c>) runs them. A worker always runs them.
    /// </summary>
    public bool RunJobs { get; set; } = true;

    /// <summary>Whether this process runs a Hangfire server, which fires and runs the jobs.</summary>
    public bool RunsJobs => RunJobs || Role == ProcessRole.Worker;

    /// <summary>Every 15 minutes from 07:00 to 18:45, Monday to Friday.</summary>
    public string DeadlineSweepCron { get; set; } = "*/15 7-18 * * MON-FRI";

    /// <summary>How often the outbox is sent: 1 to 59 seconds, or whole minutes up to 59.</summary>
    public int EmailDeliverySeconds { get; set; } = 30;

    /// <summary>07:30, Monday to Friday.</summary>
    public string QuarterlyCycleCron { get; set; } = "30 7 * * MON-FRI";

    /// <summary>23:55 every day: the audit trail's newest hash published outside the database.</summary>
    public string AuditAnchorCron { get; set; } = "55 23 * * *";

    /// <summary>
    /// How often a server looks for firings that are due and, on PostgreSQL, for queued jobs: one
    /// small query each per node. A firing starts at most this late.
    /// </summary>
    public int PollingSeconds { get; set; } = 5;

    /// <summary>
    /// On PostgreSQL, how long a job's lock lasts before another node may take it: the lock of a node
    /// that died is freed after this. It must be longer than any run (email delivery stops taking
    /// new emails after <see cref="OutboxDelivery.RunBudget"/>, plus one send's timeout).
    /// </summary>
    public int LockTimeoutSeconds { get; set; } = 300;

    /// <summary>The email delivery's schedule as a cron expression with seconds.</summary>
    public string EmailDeliveryCron => EmailDeliverySeconds switch
    {
        >= 1 and <= 59 => $"*/{EmailDeliverySeconds.ToString(CultureInfo.InvariantCulture)} * * * * *",
        _ when EmailDeliverySeconds % 60 == 0 && EmailDeliverySeconds / 60 is >= 1 and <= 59 =>
            $"0 */{(EmailDeliverySeconds / 60).ToString(CultureInfo.InvariantCulture)} * * * *",
        _ => throw new InvalidOperationException($"Scheduling:EmailDeliverySeconds {EmailDeliverySeconds} is not 1 to 59 seconds or a whole number of minutes up to 59."),
    };
}

/// <summary>
/// Hangfire runs the jobs. Its storage follows the database: on PostgreSQL and SQL Server, its own "hangfire"
/// schema in the application's database, shared by every node, so each firing runs on one of them;
/// on SQLite (one node), memory — the recurring jobs are registered again at every start and
/// everything that matters (reminders, the outbox, the record of runs) is in the app's own tables.
/// See docs/adr/0005-hangfire-storage-on-the-embedded-database.md.
/// </summary>
public static class SchedulingRegistration
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static WebApplicationBuilder AddScheduling(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection("Scheduling").Get<SchedulingOptions>() ?? new SchedulingOptions();
        var database = DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.Configure<SchedulingOptions>(builder.Configuration.GetSection("Scheduling"));
        builder.Services.Configure<ReminderOptions>(builder.Configuration.GetSection("Reminders"));
        builder.Services.Configure<QuarterlyOptions>(builder.Configuration.GetSection("Quarterly"));
        builder.Services.AddScoped<RaiseReminders>();
        builder.Services.AddScoped<Chasing>();
        builder.Services.AddScoped<OpenDeadlines>();
        builder.Services.AddScoped<DeadlineSweep>();
        builder.Services.AddScoped<OutboxDelivery>();
        builder.Services.AddScoped<QuarterlyCycle>();
        builder.Services.AddScoped<JobRunRecorder>();
        builder.Services.AddScoped<DeadlineSweepJob>();
        builder.Services.AddScoped<EmailDeliveryJob>();
        builder.Services.AddScoped<QuarterlyCycleJob>();
        builder.Services.AddSingleton<AuditAnchorFile>();
        builder.Services.AddScoped<CheckAuditTrail>();
        builder.Services.AddScoped<AnchorAuditTrail>();
        builder.Services.AddScoped<AuditAnchorJob>();

        var polling = TimeSpan.FromSeconds(Math.Max(1, settings.PollingSeconds));

        // Hangfire's defaults are process-wide statics (JobStorage.Current, JobActivator.Current);
        // this app's storage and activator are its own services instead, so two apps in one process
        // (the integration tests host several) never run each other's jobs or share storage.
        builder.Services.AddSingleton(_ => Storage(database, settings, polling));
        builder.Services.AddSingleton<JobActivator>(services => new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddHangfire(configuration => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        // The storage is made (and on PostgreSQL its schema created or upgraded) as the process
        // starts, not in the middle of the first request that needs it.
        builder.Services.AddHostedService<StorageAtStart>();
        if (settings.RunsJobs)
        {
            builder.Services.AddHangfireServer(options =>
            {
                options.SchedulePollingInterval = polling;
                options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";

                // Four recurring jobs and a run now: a few workers are plenty, and each one on
                // PostgreSQL polls the queue.
                options.WorkerCount = 5;
            });
            builder.Services.AddHostedService<RecurringJobRegistration>();
        }

        return builder;
    }

    /// <summary>
    /// The storage for the database in use: on PostgreSQL and SQL Server a "hangfire" schema in the
    /// app's own database, which Hangfire creates and upgrades at start under its own lock (the app's
    /// migrations leave it alone); on SQLite, memory.
    /// </summary>
    private static JobStorage Storage(DatabaseSettings database, SchedulingOptions settings, TimeSpan polling) => database.Provider switch
    {
        DatabaseProvider.PostgreSql => new PostgreSqlStorage(
            new NpgsqlConnectionFactory(database.ConnectionString, PostgreSqlOptions(settings, polling)),
            PostgreSqlOptions(settings, polling)),
        DatabaseProvider.SqlServer => new SqlServerStorage(
            () => new SqlConnection(database.ConnectionString),
            new SqlServerStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = polling,
            }),
        DatabaseProvider.Sqlite => new InMemoryStorage(new InMemoryStorageOptions()),
        _ => throw new InvalidOperationException($"No Hangfire storage for {database.Provider}."),
    };

    private static PostgreSqlStorageOptions PostgreSqlOptions(SchedulingOptions settings, TimeSpan polling) => new()
    {
        SchemaName = "hangfire",

        // Hangfire creates and upgrades its own schema at start, under its own lock; the app's
        // migrations leave it alone.
        PrepareSchemaIfNecessary = true,
        QueuePollInterval = polling,
        DistributedLockTimeout = TimeSpan.FromSeconds(settings.LockTimeoutSeconds),
    };

    private sealed class StorageAtStart(JobStorage storage) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = storage;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>
    /// The recurring jobs, registered (or updated) at every start of a process that runs them, from
    /// this start's settings. A firing missed while every node was down runs once at the next start
    /// (Hangfire's default, relaxed misfire handling).
    /// </summary>
    private sealed class RecurringJobRegistration(IRecurringJobManager jobs, Microsoft.Extensions.Options.IOptions<SchedulingOptions> options) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var settings = options.Value;
            var schedule = new RecurringJobOptions { TimeZone = London, MisfireHandling = MisfireHandlingMode.Relaxed };
            jobs.AddOrUpdate<DeadlineSweepJob>(DeadlineSweepJob.Id, job => job.Run(null, CancellationToken.None), settings.DeadlineSweepCron, schedule);
            jobs.AddOrUpdate<EmailDeliveryJob>(EmailDeliveryJob.Id, job => job.Run(null, CancellationToken.None), settings.EmailDeliveryCron, schedule);
            jobs.AddOrUpdate<QuarterlyCycleJob>(QuarterlyCycleJob.Id, job => job.Run(null, CancellationToken.None), settings.QuarterlyCycleCron, schedule);
            jobs.AddOrUpdate<AuditAnchorJob>(AuditAnchorJob.Id, job => job.Run(null, CancellationToken.None), settings.AuditAnchorCron, schedule);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>
    /// A worker's requests: the health endpoints and nothing else, so any other path is not found
    /// (never a sign-in page: the app's fallback policy asks for a signed-in person).
    /// </summary>
    public static WebApplication UseWorkerRouting(this WebApplication app)
    {
        app.UseRouting();
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        });
        app.UseAuthorization();
        return app;
    }

    /// <summary>Whether this process was started as a worker (<c>Scheduling:Role=Worker</c>): jobs, health, no pages.</summary>
    public static bool IsWorker(this WebApplication app) =>
        app.Configuration.GetValue<ProcessRole?>("Scheduling:Role") == ProcessRole.Worker;
}
