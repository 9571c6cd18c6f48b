using System.Runtime.CompilerServices;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SafeguardingLearning.BrowserTests;

/// <summary>
/// A person at a browser: each test gets a fresh browser context. Every page visited is checked
/// with axe-core (serious or critical violations fail the test): where a test checks a page as
/// it goes, then; any other page it opened is opened again and checked when its steps are done.
/// No page may log errors to the console (a Content-Security-Policy violation is one). A failing
/// test leaves a screenshot in TestResults/screenshots.
/// </summary>
[Collection(SharedAppServer.Name)]
public abstract class BrowserTest(AppServer server)
{
    protected const string DemoPassword = "Northshire-Demo-2026";

    private static readonly string[] FailingImpacts = ["serious", "critical"];

    /// <summary>The pages each browser page has already been checked on.</summary>
    private static readonly ConditionalWeakTable<IPage, HashSet<string>> Checked = [];

    protected AppServer Server { get; } = server;

    protected async Task AsPerson(string testName, Func<IPage, Task> steps)
    {
        await using var context = await Server.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Server.BaseUrl });
        var page = await context.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            // A failed load is checked below by resource type: an error page's own status is expected.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                consoleErrors.Add(message.Text);
            }
        };
        var opened = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Request.ResourceType != "document" && response.Status >= 400)
            {
                consoleErrors.Add($"{response.Status} for {response.Url}");
            }

            // Pages opened by a GET (opening them again changes nothing), not files such as PDFs.
            if (response.Request.ResourceType == "document" && response.Request.Method == "GET" && response.Request.Frame == page.MainFrame
                && response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal))
            {
                lock (opened)
                {
                    opened.Add(PageKey(response.Url));
                }
            }
        };
        page.PageError += (_, error) => consoleErrors.Add(error);

        try
        {
            await steps(page);
            await CheckPagesNotYetChecked(page, opened);
            Assert.True(consoleErrors.Count == 0, "Console errors: " + string.Join(" | ", consoleErrors));
        }
        catch
        {
            await Screenshot(page, testName);
            throw;
        }
    }

    /// <summary>Opens a page and checks it as axe-core does.</summary>
    protected static async Task Visit(IPage page, string url)
    {
        await page.GotoAsync(url);
        await AssertAccessible(page);
    }

    private static async Task CheckPagesNotYetChecked(IPage page, List<string> opened)
    {
        List<string> notChecked;
        lock (opened)
        {
            notChecked = opened.Distinct().Where(url => !Checked.GetOrCreateValue(page).Contains(url) && !IsThirdParty(url)).ToList();
        }

        foreach (var url in notChecked)
        {
            await page.GotoAsync(url);
            await AssertAccessible(page);
        }
    }

    private static string PageKey(string url) => new Uri(url).PathAndQuery;

    /// <summary>
    /// Hangfire's dashboard is third-party markup (its navigation's colour contrast and an empty lang
    /// attribute fail axe): its pages are reached and tested, not checked with axe.
    /// </summary>
    private static bool IsThirdParty(string pathAndQuery) => pathAndQuery.StartsWith("/hangfire", StringComparison.Ordinal);

    /// <summary>
    /// The page open now is one of a kind already checked with axe-core as another person (the same view,
    /// other data): it is not checked again when the test's steps are done.
    /// </summary>
    protected static void CheckedAsSomeoneElse(IPage page) => Checked.GetOrCreateValue(page).Add(PageKey(page.Url));

    protected static async Task AssertAccessible(IPage page)
    {
        Checked.GetOrCreateValue(page).Add(PageKey(page.Url));
        if (IsThirdParty(PageKey(page.Url)))
        {
            return;
        }

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        });
        var failures = result.Violations
            .Where(v => FailingImpacts.Contains(v.Impact))
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(failures.Count == 0, $"Accessibility violations on {page.Url}:\n" + string.Join("\n", failures));
    }

    protected static async Task SignIn(IPage page, string email, string password = DemoPassword)
    {
        await Visit(page, "/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // A sign-in is a password check (PBKDF2), a session and an audit entry written, then the home
        // page: on a machine busy with the other test projects it can take longer than Playwright's
        // default 30 s, so it is given a minute. It waits for the page after the sign-in pages by its
        // address: waiting for a "load state" while the navigation is under way could miss the new
        // page's event and wait out its whole time with the home page already shown.
        await page.WaitForURLAsync(
            url => !new Uri(url).AbsolutePath.StartsWith("/sign-in", StringComparison.Ordinal),
            new() { Timeout = 60_000, WaitUntil = WaitUntilState.DOMContentLoaded });
    }

    /// <summary>With SL_KEEP_SCREENSHOTS=1, keeps a picture of the page for people to look at.</summary>
    protected async Task KeepScreenshot(IPage page, string name)
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SL_KEEP_SCREENSHOTS")))
        {
            await Screenshot(page, name);
        }
    }

    private async Task Screenshot(IPage page, string testName)
    {
        Directory.CreateDirectory(Server.ScreenshotFolder);
        var name = string.Concat(testName.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Server.ScreenshotFolder, name + ".png"), FullPage = true });
    }
}
