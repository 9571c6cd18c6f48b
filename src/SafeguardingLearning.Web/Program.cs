using SafeguardingLearning.Web;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Email;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.ActionPlans;
using SafeguardingLearning.Web.Features.Calendar;
using SafeguardingLearning.Web.Features.DataReturns;
using SafeguardingLearning.Web.Features.Demo;
using SafeguardingLearning.Web.Features.Dissemination;
using SafeguardingLearning.Web.Features.ExternalSignIn;
using SafeguardingLearning.Web.Features.HighlightReports;
using SafeguardingLearning.Web.Features.Jobs;
using SafeguardingLearning.Web.Features.Partnerships;
using SafeguardingLearning.Web.Features.PracticeAudits;
using SafeguardingLearning.Web.Features.Pdf;
using SafeguardingLearning.Web.Features.PublicPages;
using SafeguardingLearning.Web.Features.RapidReviews;
using SafeguardingLearning.Web.Features.ReviewMonitoring;
using SafeguardingLearning.Web.Features.Risks;
using SafeguardingLearning.Web.Features.YearlyReports;
using SafeguardingLearning.Web.Features.Reviews;
using SafeguardingLearning.Web.Features.SelfAssessments;
using SafeguardingLearning.Web.Features.Shared;
using SafeguardingLearning.Web.Features.Themes;
using SafeguardingLearning.Web.Operations;
using SafeguardingLearning.Web.Scheduling;

var builder = WebApplication.CreateBuilder(args);
builder.AddCapabilities();

var app = builder.Build();

await app.MigrateDatabaseAsync();
await app.SeedBankHolidaysAsync();
if (FirstAdministrator.IsRequested(args))
{
    return await FirstAdministrator.RunAsync(app, args);
}

await app.SeedDemoDataAsync();
await app.SeedThemesAsync();

app.UseOperations();
if (app.IsWorker())
{
    app.UseWorkerRouting();
}
else
{
    app.UseStaticFiles();
    app.UseRouting();
    app.UseSignInThrottling();
    app.UseAuthentication();
    app.UseCurrentScope();
    app.UseAuthorization();
    app.UseJobsDashboard();
    app.MapControllers();
}

app.MapHealth();

await app.RunAsync();
return 0;

/// <summary>The entry point; public so the integration tests can host the app.</summary>
public partial class Program;

namespace SafeguardingLearning.Web
{
    /// <summary>
    /// The product, capability by capability: the table of contents. The benchmark's tool builds the
    /// same app through this, so the two never differ.
    /// </summary>
    public static class ProductCapabilities
    {
        public static void AddCapabilities(this WebApplicationBuilder builder)
        {
            builder.AddOperations();
            builder.AddData();
            builder.AddIdentityAndAccess();
            builder.AddExternalSignIn();
            builder.AddEmail();
            builder.AddCalendar();
            builder.AddPdfRendering();
            builder.AddReviews();
            builder.AddRapidReviews();
            builder.AddScheduling();
            builder.AddAgencyAttachments();
            builder.AddReviewMonitoring();
            builder.AddDissemination();
            builder.AddActionPlans();
            builder.AddSelfAssessments();
            builder.AddPracticeAudits();
            builder.AddThemes();
            builder.AddDataReturns();
            builder.AddRisks();
            builder.AddHighlightReports();
            builder.AddYearlyReports();
            builder.AddPublicPages();
            builder.AddWebShell();
        }
    }
}
