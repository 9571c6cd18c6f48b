using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Features.Access;

namespace SafeguardingLearning.Web.Features.Jobs;

/// <summary>
/// Hangfire's own dashboard, for administrators only, on web instances (a worker serves no pages).
/// Its job arguments are ids or nothing, so it shows no case data.
/// </summary>
public static class JobsDashboard
{
    public const string Path = "/hangfire";

    /// <summary>
    /// Mounted after authentication: a signed-out visitor is sent to sign in, a signed-in person
    /// without the administrators' policy gets the app's 403 page (and the refusal is audited), an
    /// administrator who must still set up two-factor sign-in is sent to do so — as on every page.
    /// Hangfire then asks its own authorization filter, the same policy again, and checks the
    /// antiforgery token on every POST (its pages send the app's token in a header).
    /// </summary>
    public static WebApplication UseJobsDashboard(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path), branch => branch.Use(async (context, next) =>
        {
            var user = context.User;
            if (user.Identity?.IsAuthenticated != true)
            {
                await context.ChallengeAsync();
                return;
            }

            var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
            if (!(await authorization.AuthorizeAsync(user, AccessPolicies.ManageJobs)).Succeeded)
            {
                await context.ForbidAsync();
                return;
            }

            var access = context.RequestServices.GetRequiredService<IOptions<AccessOptions>>().Value;
            if (TwoFactorEnrolmentFilter.MustEnrol(user, access))
            {
                context.Response.Redirect("/account/two-factor");
                return;
            }

            await next(context);
        }));

        app.UseHangfireDashboard(Path, new DashboardOptions
        {
            // Hangfire's default filter admits any local request; this replaces it.
            Authorization = [],
            AsyncAuthorization = [new AdministratorsOnly()],
            AppPath = "/jobs",
            DashboardTitle = "Safeguarding Learning jobs",
            DisplayStorageConnectionString = false,
            IgnoreAntiforgeryToken = false,
        });
        return app;
    }

    /// <summary>The administrators' policy, asked of the signed-in person by Hangfire itself.</summary>
    internal sealed class AdministratorsOnly : IDashboardAsyncAuthorizationFilter
    {
        public async Task<bool> AuthorizeAsync(DashboardContext context)
        {
            var http = context.GetHttpContext();
            if (http.User.Identity?.IsAuthenticated != true)
            {
                return false;
            }

            var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
            return (await authorization.AuthorizeAsync(http.User, AccessPolicies.ManageJobs)).Succeeded;
        }
    }
}
