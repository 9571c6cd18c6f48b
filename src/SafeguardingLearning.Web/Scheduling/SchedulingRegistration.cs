using Quartz;
using SafeguardingLearning.Web.Data;

namespace SafeguardingLearning.Web.Scheduling;

/// <summary>Where and how often the jobs run; under <c>Scheduling</c>.</summary>
public sealed class SchedulingOptions
{
    /// <summary>
    /// Whether this process runs the jobs. Every process can schedule and see them; in a larger
    /// deployment, web instances set this to false and a worker (the same build) sets it to true.
    /// </summary>
    public bool RunJobs { get; set; } = true;

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

        if (settings.RunJobs)
        {
            builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        }

        return builder;
    }
}
