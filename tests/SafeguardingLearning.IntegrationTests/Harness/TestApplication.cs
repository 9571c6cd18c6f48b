using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Features.Demo;
using SafeguardingLearning.Web.Scheduling;

namespace SafeguardingLearning.IntegrationTests.Harness;

/// <summary>
/// The whole app in memory over a real database, with the intents tests are written in:
/// open a browser session, sign in as someone, post a form the way its page does, seed data.
/// </summary>
public sealed class TestApplication(TestDatabase database, string environment = "Development", Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    private readonly string _logFolder = Directory.CreateTempSubdirectory("sl-test-logs-").FullName;
    private readonly string _mailFolder = Directory.CreateTempSubdirectory("sl-test-mail-").FullName;
    private readonly string _attachmentsFolder = Directory.CreateTempSubdirectory("sl-test-attachments-").FullName;
    private readonly string _anchorFolder = Directory.CreateTempSubdirectory("sl-test-anchors-").FullName;

    /// <summary>
    /// Every app watches its settings files for changes. Hundreds of apps start in one test run, and
    /// those still being disposed hold their watchers, so inotify's limit of 128 instances a user was
    /// reached mid-run ("No form on /sign-in"). The watchers poll instead: no inotify instance at all.
    /// </summary>
    static TestApplication() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");

    /// <summary>A chain key for environments other than Development (which has its own in appsettings.Development.json).</summary>
    public const string TestChainKey = "dGVzdHMgb25seTogYSBjaGFpbiBrZXkgb2YgMzIgYnl0ZXMh";

    /// <summary>Where this app keeps the documents attached to agencies' answers.</summary>
    public string AttachmentsFolder => _attachmentsFolder;

    public TestDatabase Database { get; } = database;

    /// <summary>Where this app publishes the audit trail's anchors (outside the database).</summary>
    public string AnchorFile => Path.Combine(_anchorFolder, "audit-anchors.jsonl");

    /// <summary>Everything the app logged, as its rolling file sink wrote it.</summary>
    public string ReadLog()
    {
        var text = new System.Text.StringBuilder();
        foreach (var file in Directory.GetFiles(_logFolder))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            text.Append(reader.ReadToEnd());
        }

        return text.ToString();
    }

    /// <summary>The emails the app has sent to its pickup folder, oldest first: headers, a blank line, then the text.</summary>
    public IReadOnlyList<string> ReadEmails() =>
        Directory.GetFiles(_mailFolder).OrderBy(File.GetLastWriteTimeUtc).Select(file =>
        {
            using var message = MimeKit.MimeMessage.Load(file);
            return $"To: {message.To}\nSubject: {message.Subject}\nMessage-ID: <{message.MessageId}>\n\n{message.TextBody}";
        }).ToList();

    /// <summary>A person with a role in a partnership (created if the partnership does not exist).</summary>
    public async Task<string> SeedPerson(string email, Role role, string partnership, string? agency = null, string password = DemoData.Password, bool twoFactorKey = false)
    {
        string userId = string.Empty;
        await Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var team = await db.Partnerships.Include(p => p.Agencies).SingleOrDefaultAsync(p => p.Name == partnership);
            if (team is null)
            {
                team = new Partnership(partnership);
                db.Partnerships.Add(team);
            }

            Guid? agencyId = null;
            if (agency is not null)
            {
                var existing = await db.PartnerAgencies.SingleOrDefaultAsync(a => a.Name == agency);
                if (existing is null)
                {
                    existing = new PartnerAgency(agency, AgencyKind.Police);
                    db.PartnerAgencies.Add(existing);
                }

                if (team.Agencies.All(a => a.AgencyId != existing.Id))
                {
                    team.AddMember(existing);
                }

                agencyId = existing.Id;
            }

            await db.SaveChangesAsync();
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new ApplicationUser { UserName = email, Email = email, DisplayName = email.Split('@')[0], EmailConfirmed = true };
                var created = await users.CreateAsync(user, password);
                Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            }

            db.Memberships.Add(new PartnershipMembership(user.Id, team.Id, role, agencyId));
            await db.SaveChangesAsync();
            userId = user.Id;
        });
        return userId;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting($"ConnectionStrings:{DatabaseSettings.ConnectionStringName}", Database.ConnectionString);

        // Jobs run only where a test asks for them (it runs the sweep itself otherwise), so no
        // timer fires in the middle of a test.
        builder.UseSetting("Scheduling:RunJobs", "false");

        // No PDF browser launched at start-up by every test's app: a test that prints launches it, and the PDF tests ask for it.
        builder.UseSetting("Pdf:LaunchAtStartup", "false");

        // Outside Development the app does not start without the address email links begin with,
        // and answers only its own host names: the test client's (localhost) is one here.
        if (environment != "Development")
        {
            builder.UseSetting("Email:PublicBaseUrl", "https://learning.example.org");
            builder.UseSetting("AllowedHosts", "localhost;learning.example.org");
            builder.UseSetting("Audit:ChainKey", TestChainKey);
        }

        builder.UseSetting("Audit:AnchorFile", AnchorFile);

        // Tests sign in many times from one address and as one account; the tests of the limits set their own.
        builder.UseSetting("Access:SignInAttemptsPerAddress", "100000");
        builder.UseSetting("Access:SignInAttemptsPerAccount", "100000");

        // Each test starts without the demo's year of Child P's action plan and its self-assessment
        // cycles, so what it makes is all there is; DemoActionPlanTests and CycleReportTests turn them on.
        builder.UseSetting("Demo:ActionPlan", "false");
        builder.UseSetting("Demo:LastYear", "false");
        builder.UseSetting("Demo:SelfAssessments", "false");
        builder.UseSetting("Demo:SingleAgencyAudits", "false");
        builder.UseSetting("Demo:Audits", "false");
        builder.UseSetting("Demo:DataReturns", "false");
        builder.UseSetting("Demo:Risks", "false");
        builder.UseSetting("Demo:HighlightReports", "false");
        builder.UseSetting("Demo:PublicPages", "false");
        builder.UseSetting("Demo:YearlyReport", "false");

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:WriteTo:1:Name"] = "File",
            ["Serilog:WriteTo:1:Args:path"] = Path.Combine(_logFolder, "app-.log"),
            ["Serilog:WriteTo:1:Args:rollingInterval"] = "Day",
            ["Email:PickupDirectory"] = _mailFolder,
            ["Attachments:Path"] = _attachmentsFolder,
            ["Serilog:WriteTo:1:Args:outputTemplate"] = "{Timestamp:o} {Level:u3} {CorrelationId} {UserId} {SourceContext}: {Message:lj}{NewLine}{Exception}",
        }));
        // The in-memory server has no socket, so no client address: give requests the loopback
        // address a real connection from this machine would have.
        builder.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, LoopbackClientAddress>());
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects, talks HTTPS (the cookie is Secure).</summary>
    public HttpClient NewSession() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    /// <summary>A client that sends exactly the given Cookie header and keeps nothing: a captured cookie replayed.</summary>
    public HttpClient Replaying(string cookieHeader)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookieHeader);
        return client;
    }

    public async Task<HttpClient> SignInAs(string email, string password = DemoData.Password)
    {
        var session = NewSession();
        var response = await session.PostForm("/sign-in", new() { ["Email"] = email, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"{email} could not sign in: {response.StatusCode}");
        }

        return session;
    }

    /// <summary>Works on the database through the app's own services, across every partnership.</summary>
    public async Task Seed(Func<IServiceProvider, Task> seed)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().ActAsSystem();
        await seed(scope.ServiceProvider);
    }

    /// <summary>What the audit trail's verifier finds: the first break against the key and the anchors, or null.</summary>
    public async Task<AuditChainBreak?> AuditChainBreak()
    {
        await using var scope = Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<CheckAuditTrail>().Run().Break;
    }

    public async Task<T> Query<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().ActAsSystem();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        Directory.Delete(_logFolder, recursive: true);
        Directory.Delete(_mailFolder, recursive: true);
        Directory.Delete(_attachmentsFolder, recursive: true);
        Directory.Delete(_anchorFolder, recursive: true);
    }
}

internal sealed class LoopbackClientAddress : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (HttpContext context, RequestDelegate nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
            await nextMiddleware(context);
        });
        next(app);
    };
}

public static class SessionExtensions
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetPage(this HttpClient session, string url)
    {
        var response = await session.GetAsync(url);
        return await response.ReadPage();
    }

    /// <summary>Where a redirect points, as a path and query, whether the app wrote it absolute or relative.</summary>
    public static string? RedirectPath(this HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? null
        : location.IsAbsoluteUri ? location.PathAndQuery
        : location.OriginalString;

    public static async Task<IHtmlDocument> ReadPage(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// Submits the page's form as a browser would: its hidden fields (the antiforgery token among
    /// them) plus the given values, to the form's action.
    /// </summary>
    public static async Task<HttpResponseMessage> PostForm(this HttpClient session, string pageUrl, Dictionary<string, string> values, string? formAction = null)
    {
        var page = await session.GetPage(pageUrl);
        var form = page.Forms.FirstOrDefault(f => formAction is null
                ? f.Method.Equals("post", StringComparison.OrdinalIgnoreCase) && f.Closest("main") is not null
                : f.GetAttribute("action") == formAction)
            ?? throw new InvalidOperationException($"No form on {pageUrl}");

        var fields = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
            .ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (name, value) in values)
        {
            fields[name] = value;
        }

        var action = form.GetAttribute("action") ?? pageUrl;
        return await session.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>
    /// Uploads a file through the page's form with that action, as a browser would: multipart, with
    /// the form's hidden fields (the antiforgery token among them) and the file under its field name.
    /// </summary>
    /// <summary>Submits a page's form with a file, as a browser would: its hidden fields, the file, and any fields given.</summary>
    /// <param name="formAction">Where the form posts, or where its button posts it (a button's formaction).</param>
    public static async Task<HttpResponseMessage> PostFile(this HttpClient session, string pageUrl, string formAction, string fieldName, string fileName, byte[] content, string mediaType = "application/octet-stream", IReadOnlyDictionary<string, string>? fields = null)
    {
        var page = await session.GetPage(pageUrl);
        var form = page.Forms.FirstOrDefault(f => f.GetAttribute("action") == formAction || f.QuerySelector($"button[formaction='{formAction}']") is not null)
            ?? throw new InvalidOperationException($"No form posting to {formAction} on {pageUrl}");
        using var body = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>())
        {
            body.Add(new StringContent(hidden.Value), hidden.Name!);
        }

        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            body.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        body.Add(file, fieldName, fileName);
        return await session.PostAsync(formAction, body);
    }
}
