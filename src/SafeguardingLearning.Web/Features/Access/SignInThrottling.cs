using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.Extensions.Options;

namespace SafeguardingLearning.Web.Features.Access;

/// <summary>
/// Sign-in attempts are limited per client address (ASP.NET Core's rate limiter, on the sign-in,
/// authenticator-code and recovery-code forms) and per email address (<see cref="AccountThrottle"/>),
/// so that nobody can lock every account with five guesses each, or keep guessing one account from
/// many addresses, without being slowed (OWASP ASVS 2.2.1). Limits: <see cref="AccessOptions"/>.
/// </summary>
public static class SignInThrottling
{
    public const string PerAddressPolicy = "sign-in-per-address";

    private const int Segments = 5;

    internal static void AddSignInThrottling(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AccountThrottle>();
        builder.Services.AddSingleton<AccountAttemptLocks>();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PerAddressPolicy, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<AccessOptions>>().Value;

                // The address forwarded headers name only when the proxy is a configured one (UseOperations).
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetSlidingWindowLimiter(address, _ => Window(options));
            });
            limiter.OnRejected = async (rejected, _) =>
            {
                var http = rejected.HttpContext;

                // A sliding window frees a segment's worth of attempts at a time.
                var options = http.RequestServices.GetRequiredService<IOptions<AccessOptions>>().Value;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait.TotalSeconds : (double)options.SignInThrottleWindowSeconds / Segments;
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter)).ToString(CultureInfo.InvariantCulture);

                var page = new ViewResult { ViewName = "~/Features/Access/TooManyAttempts.cshtml", StatusCode = StatusCodes.Status429TooManyRequests };
                await page.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
            };
        });
    }

    /// <summary>After routing, so that only the sign-in forms are limited.</summary>
    public static WebApplication UseSignInThrottling(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    internal static SlidingWindowRateLimiterOptions Window(AccessOptions options, int permits = 0) => new()
    {
        PermitLimit = permits > 0 ? permits : options.SignInAttemptsPerAddress,
        Window = TimeSpan.FromSeconds(options.SignInThrottleWindowSeconds),
        SegmentsPerWindow = Segments,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}

/// <summary>Sign-in attempts per email address, known or not (so a refusal says nothing about whether the account exists).</summary>
public sealed class AccountThrottle(IOptions<AccessOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(email =>
        RateLimitPartition.GetSlidingWindowLimiter(email, _ => SignInThrottling.Window(options.Value, options.Value.SignInAttemptsPerAccount)));

    public bool TryAttempt(string email)
    {
        using var lease = _limiter.AttemptAcquire(email.Trim().ToUpperInvariant());
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>
/// One attempt at a time per account in this process: parallel wrong passwords would otherwise
/// race on the account's concurrency stamp, and the losers would go uncounted. (Between app
/// instances the sign-in retries on a conflict instead.) Striped, so the locks never grow.
/// </summary>
public sealed class AccountAttemptLocks
{
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 256).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<IDisposable> AcquireAsync(string account)
    {
        var stripe = _stripes[(int)((uint)StringComparer.OrdinalIgnoreCase.GetHashCode(account) % (uint)_stripes.Length)];
        await stripe.WaitAsync();
        return new Release(stripe);
    }

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                stripe.Release();
            }
        }
    }
}
