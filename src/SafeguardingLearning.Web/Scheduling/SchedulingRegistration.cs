using Quartz;
using SafeguardingLearning.Web.Data;

namespace SafeguardingLearning.Web.Scheduling;

/// <summary>What a process of this build is for.</summary>
public enum ProcessRole
{
    /// <summary>Serves the pages, and runs the jobs too unless <see cref="SchedulingOptions.RunJobs"/> is false.</summary>
    Web,

    /// <summary>Runs the jobs and serves nothing but <c>/health</c> and <c>/health/ready</c>.</summary>
    Worker,
}

/// <summary>Where and how often the jobs run; under <c>Scheduling</c>.</summary>
public sealed class SchedulingOptions
{
    /// <summary><c>Web</c> (the default) or <c>Worker</c>: the same build started as a worker runs the jobs and no pages.</summary>
    public ProcessRole Role { get; set; } = ProcessRole.Web;

    /// <summary>
    /// Whether this process runs the jobs. Every process can schedule and see them; in a larger
    /// deployment, web instances set this to false and a worker (the same build, <see cref="Role"/>
    /// <c>Worker</c>) runs them. A worker always runs them.
    /// </summary>
    public bool RunJobs { get; set; } = true;

    /// <summary>Whether this process's scheduler fires the jobs.</summary>
    public bool RunsJobs => RunJobs || Role == ProcessRole.Worker;

    public string DeadlineSweepCron { get; set; } = "0 0/15 7-18 ? * MON-FRI";

    public int EmailDeliverySeconds { get; set; } = 30;

    public string QuarterlyCycleCron { get; set; } = "0 30 7 ? * MON-FRI";
}

/// <summary>
/// Quartz.NET with its job store in the application's own database: on SQLite a persistent,
/// non-clustered store (one node); on PostgreSQL the clustered store, so several instances can run
/// and each firing happens on one of them. The tables come from the migrations (QuartzSchema).
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
        builder.Services.AddScoped<DeadlineSweep>();
        builder.Services.AddScoped<OutboxDelivery>();
        builder.Services.AddScoped<QuarterlyCycle>();

        builder.Services.AddQuartz(q =>
        {
            q.ConfigureScheduler(options =>
            {
                options.InstanceName = "SafeguardingLearning";
                options.GenerateInstanceId = true;
            });
            q.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer();
                store.ConfigureStore(options =>
                {
                    options.TablePrefix = Data.Migrations.QuartzSchemaScript.TablePrefix;
                    options.SchemaProvisioning = SchemaProvisioning.Validate;
                });
                if (database.Provider == DatabaseProvider.PostgreSql)
                {
                    store.UsePostgres(database.ConnectionString);
                    store.UseClustering();
                }
                else
                {
                    store.UseSqlite(database.ConnectionString);
                }
            });

            q.AddJob<DeadlineSweepJob>(j => j.WithIdentity(DeadlineSweepJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(DeadlineSweepJob.Key).WithIdentity("deadline-sweep")
                .WithCronSchedule(settings.DeadlineSweepCron, c => c.InTimeZone(London)));
            q.AddJob<EmailDeliveryJob>(j => j.WithIdentity(EmailDeliveryJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(EmailDeliveryJob.Key).WithIdentity("email-delivery")
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(settings.EmailDeliverySeconds)).RepeatForever()));
            q.AddJob<QuarterlyCycleJob>(j => j.WithIdentity(QuarterlyCycleJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(QuarterlyCycleJob.Key).WithIdentity("quarterly-cycle")
                .WithCronSchedule(settings.QuarterlyCycleCron, c => c.InTimeZone(London)));
        });

        if (settings.RunsJobs)
        {
            builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        }

        return builder;
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
