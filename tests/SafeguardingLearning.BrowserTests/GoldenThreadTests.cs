using System.Globalization;
using Microsoft.Playwright;

namespace SafeguardingLearning.BrowserTests;

/// <summary>
/// The golden thread, as the people on it follow it: the business unit turns a finding of Children N
/// and O's review into a recommendation with an action plan and two actions, for the police and the
/// NHS trust; each agency's lead reports (the police's first update is vague, sent anyway and flagged)
/// and completes with evidence; the business unit accepts the impact of one and returns the other with
/// a reason; a 7-minute briefing is confirmed by the police and chased for the trust; and the theme's
/// page shows it all. Every page is checked with axe-core.
/// </summary>
public class GoldenThreadTests(AppServer server) : BrowserTest(server)
{
    private const string Manager = "manager@northshire.example";
    private const string PoliceLead = "police.lead@northshire.example";
    private const string HealthLead = "health.lead@northshire.example";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/London"));

    private static async Task FillDate(IPage page, string prefix, DateOnly date)
    {
        await page.Locator($"[name='{prefix}.Day']").FillAsync(date.Day.ToString(Invariant));
        await page.Locator($"[name='{prefix}.Month']").FillAsync(date.Month.ToString(Invariant));
        await page.Locator($"[name='{prefix}.Year']").FillAsync(date.Year.ToString(Invariant));
    }

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>
    /// The notice on the page a form's post led to. The post and its redirect are given a minute, as a
    /// sign-in is: on a machine busy with the other test project they have taken longer than 30 s.
    /// </summary>
    private static async Task<string> Notice(IPage page) =>
        (await page.Locator("#notice").TextContentAsync(new() { Timeout = 60_000 }))?.Trim() ?? string.Empty;

    private static async Task<string> Errors(IPage page) => await page.Locator(".govuk-error-summary").TextContentAsync() ?? string.Empty;

    [Fact]
    public async Task A_finding_is_followed_to_actions_evidence_impact_dissemination_and_its_theme()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var finding = $"Each agency saw a missing episode, but nobody saw the pattern ({run}).";
        var recommendation = $"Agencies to share every missing episode with the exploitation hub the same day ({run})";
        var policeAction = $"Send every missing episode to the exploitation hub the same day ({run})";
        var healthAction = $"Ask at each school nurse contact whether the child has been missing ({run})";
        string review = string.Empty, policeUrl = string.Empty, healthUrl = string.Empty, briefingUrl = string.Empty, themeUrl = string.Empty;

        await AsPerson("thread-manager-plans", async page =>
        {
            await SignIn(page, Manager);
            await Visit(page, "/reviews");
            review = (await page.GetByRole(AriaRole.Link, new() { Name = "Children N and O", Exact = true }).First.GetAttributeAsync("href"))!;
            await Visit(page, review);
            await page.GetByLabel("Finding", new() { Exact = true }).FillAsync(finding);
            await page.GetByLabel("Recommendation (optional)").FillAsync(recommendation);
            await page.GetByRole(AriaRole.Group, new() { Name = "Themes" }).GetByLabel("Exploitation", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("The recommendation needs an action plan").CheckAsync();
            await Button(page, "Add the finding").ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
            Assert.Contains(recommendation, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

            await page.GetByRole(AriaRole.Link, new() { Name = "Action plan", Exact = true }).ClickAsync();
            await AssertAccessible(page);
            await page.GetByLabel("Title of the action plan").FillAsync($"Children N and O: action plan ({run})");
            await Button(page, "Start the action plan").ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);

            policeUrl = await AddAction(page, policeAction, "Northshire Police", "Claire Hughes (Northshire Police)", recommendation);
            healthUrl = await AddAction(page, healthAction, "Northshire NHS Foundation Trust", "Priya Shah (Northshire NHS Foundation Trust)", recommendation);
            await KeepScreenshot(page, "thread-plan");

            // The plan's own page leads to the tracker holding only its actions, named, at 320 px too.
            await page.GetByRole(AriaRole.Link, new() { Name = "Follow this plan's actions in the tracker" }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/actions");
            await AssertAccessible(page);
            Assert.Contains($"Children N and O: action plan ({run})", await page.Locator("#tracker-plan").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(2, await page.Locator("tr[data-action-id]").CountAsync());
            await page.SetViewportSizeAsync(320, 800);
            await KeepScreenshot(page, "thread-tracker-plan-320");
            await page.SetViewportSizeAsync(1280, 800);
        });

        await AsPerson("thread-police-updates", async page =>
        {
            await SignIn(page, PoliceLead);
            await Visit(page, policeUrl);

            // A vague update is prompted first, then sent as it is and flagged.
            await page.GetByLabel("What has been done, and when?").FillAsync("Ongoing");
            await page.GetByLabel("On track").CheckAsync();
            await Button(page, "Save the update").ClickAsync();
            Assert.Contains("exactly what was done", await Errors(page), StringComparison.OrdinalIgnoreCase);
            Assert.Equal("Ongoing", await page.GetByLabel("What has been done, and when?").InputValueAsync());
            await KeepScreenshot(page, "thread-police-vague-prompt");
            await AssertAccessible(page);
            await page.GetByLabel("Send it as it is").CheckAsync();
            await Button(page, "Save the update").ClickAsync();
            Assert.Equal("Your update has been saved.", await Notice(page));
            Assert.True(await page.Locator("#vague-flag").IsVisibleAsync());

            await page.GetByLabel("What has been done, and when?").FillAsync("Changed the missing person procedure on the 3rd; the hub has had every missing episode the same day since.");
            await page.GetByLabel("Completed – awaiting impact").CheckAsync();
            await page.GetByLabel("Evidence that it was completed (if it is)").FillAsync("The revised procedure and the hub's log for the last month");
            await Button(page, "Save the update").ClickAsync();
            Assert.Equal("Your update has been saved.", await Notice(page));
            CheckedAsSomeoneElse(page);

            // The trust's action is not shared: the police lead cannot open it.
            var response = await page.GotoAsync(healthUrl);
            Assert.Equal(404, response!.Status);
        });

        await AsPerson("thread-health-updates", async page =>
        {
            await SignIn(page, HealthLead);
            await Visit(page, healthUrl);
            await page.GetByLabel("What has been done, and when?").FillAsync("Added the question to the school nurse contact form on the 10th; 46 contacts since have asked it.");
            await page.GetByLabel("Completed – awaiting impact").CheckAsync();
            await page.GetByLabel("Evidence that it was completed (if it is)").FillAsync("The revised contact form");
            await page.GetByLabel("Private note (optional)").FillAsync($"Two school nurse posts vacant ({run})");
            await Button(page, "Save the update").ClickAsync();
            Assert.Equal("Your update has been saved.", await Notice(page));
            CheckedAsSomeoneElse(page);
        });

        await AsPerson("thread-manager-decides", async page =>
        {
            await SignIn(page, Manager);
            await Visit(page, policeUrl);
            Assert.True(await page.Locator("#vague-flag").IsVisibleAsync());
            Assert.Contains("hub's log", await page.Locator("#completion-evidence").TextContentAsync(), StringComparison.Ordinal);
            await Button(page, "Save the decision").ClickAsync();
            Assert.Contains("Choose whether to accept", await Errors(page), StringComparison.Ordinal);
            await KeepScreenshot(page, "thread-manager-impact-error");
            await page.GetByLabel("Accept the evidence of impact and close the action").CheckAsync();
            await page.GetByLabel("What difference did it make, or why is it returned?").FillAsync("Missing episodes now reach the hub the same day; two children were linked to the same address within a week.");
            await Button(page, "Save the decision").ClickAsync();
            Assert.Contains("closed", await Notice(page), StringComparison.Ordinal);
            Assert.True(await page.Locator("#closed-on").IsVisibleAsync());
            await KeepScreenshot(page, "thread-manager-accepted");
            CheckedAsSomeoneElse(page);

            await Visit(page, healthUrl);
            Assert.Contains($"Two school nurse posts vacant ({run})", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await page.GetByLabel("Return it to the lead").CheckAsync();
            await page.GetByLabel("What difference did it make, or why is it returned?").FillAsync("The form shows the question is asked, not what was done with the answers: add the referrals made.");
            await Button(page, "Save the decision").ClickAsync();
            Assert.Contains("returned", await Notice(page), StringComparison.Ordinal);
            Assert.Contains("add the referrals made", await page.Locator("#returned").TextContentAsync(), StringComparison.Ordinal);
            CheckedAsSomeoneElse(page);

            // A 7-minute briefing on the review, sent to the police and the trust.
            await Visit(page, review);
            await page.GetByRole(AriaRole.Link, new() { Name = "Disseminate learning", Exact = true }).ClickAsync();
            await AssertAccessible(page);
            await page.GetByLabel("7-minute briefing").CheckAsync();
            await page.GetByLabel("Title", new() { Exact = true }).FillAsync($"7-minute briefing: Children N and O ({run})");
            await page.GetByLabel("Short description").FillAsync("Missing episodes are a pattern only when someone sees them together.");
            await FillDate(page, "Form.DisseminatedOn", Today());
            await page.GetByRole(AriaRole.Group, new() { Name = "Agencies it was sent to" }).GetByLabel("Northshire Police", new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Group, new() { Name = "Agencies it was sent to" }).GetByLabel("Northshire NHS Foundation Trust", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Who it was for").FillAsync("Response officers, school nurses");
            await Button(page, "Record the dissemination").ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
            briefingUrl = new Uri(page.Url).AbsolutePath;
            Assert.Matches("^/dissemination/[0-9a-f-]{36}$", briefingUrl);
        });

        await AsPerson("thread-police-confirms", async page =>
        {
            await SignIn(page, PoliceLead);
            await Visit(page, "/dissemination/agency");
            await page.Locator("a[href$='/confirm']").Filter(new() { HasText = $"7-minute briefing: Children N and O ({run})" }).ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
            await AssertAccessible(page);
            await FillDate(page, "Form.ReceivedOn", Today());
            await page.GetByLabel("Shared in team meetings").CheckAsync();
            await FillDate(page, "Form.UsedOn", Today());
            await page.GetByLabel("Evidence", new() { Exact = true }).FillAsync("Shared at the four response teams' briefings today.");
            await Button(page, "Save the confirmation").ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
            Assert.Contains("confirm", await Notice(page), StringComparison.OrdinalIgnoreCase);
        });

        await AsPerson("thread-manager-chases-and-reads-theme", async page =>
        {
            await SignIn(page, Manager);
            await Visit(page, briefingUrl);
            await Button(page, "Chase agencies that have not confirmed").ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
            Assert.Contains("Northshire NHS Foundation Trust", await Notice(page), StringComparison.Ordinal);
            Assert.DoesNotContain("Northshire Police", await Notice(page), StringComparison.Ordinal);
            await KeepScreenshot(page, "thread-manager-chased");
            CheckedAsSomeoneElse(page);

            // The theme's page: the finding, both actions, one of two closed.
            await Visit(page, "/themes");
            themeUrl = (await page.GetByRole(AriaRole.Link, new() { Name = "Exploitation", Exact = true }).First.GetAttributeAsync("href"))!;
            await Visit(page, themeUrl);
            var item = page.Locator("#theme-findings .app-finding").Filter(new() { HasText = finding });
            var text = await item.InnerTextAsync();
            Assert.Contains(policeAction, text, StringComparison.Ordinal);
            Assert.Contains(healthAction, text, StringComparison.Ordinal);
            Assert.Contains("1 of 2 actions closed", text, StringComparison.Ordinal);
            await KeepScreenshot(page, "thread-theme");

            // The finding's own thread: its actions, evidence and the briefing's reach.
            await item.GetByRole(AriaRole.Link, new() { Name = "What was done about finding" }).ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
            await AssertAccessible(page);
            var thread = await page.Locator("main").InnerTextAsync();
            Assert.Contains(recommendation, thread, StringComparison.Ordinal);
            Assert.Contains("hub's log", thread, StringComparison.Ordinal);
            Assert.Contains("1 of 2 agencies confirmed", thread, StringComparison.Ordinal);
            Assert.Contains("The difference it made: Missing episodes now reach the hub the same day", thread, StringComparison.Ordinal);
            await KeepScreenshot(page, "thread-follow-up");
        });

        // The chair follows it from the tracker: the closed action, its themes, and the theme's page.
        await AsPerson("thread-chair-reads", async page =>
        {
            await SignIn(page, "chair@northshire.example");
            await Visit(page, "/actions?Status=Closed");
            await page.Locator($"tr[data-action-id] a[href='{policeUrl}']").ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == policeUrl);
            await AssertAccessible(page);
            Assert.True(await page.Locator("#closed-on").IsVisibleAsync());
            await page.GetByRole(AriaRole.Link, new() { Name = "Exploitation", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == themeUrl);
            await AssertAccessible(page);
            Assert.Contains("The difference it made: Missing episodes now reach the hub the same day", await page.Locator("#theme-findings").InnerTextAsync(), StringComparison.Ordinal);
            await KeepScreenshot(page, "thread-chair-theme");
        });

        // A board member reads the tracker and the theme, and changes nothing; the review's findings are not yet theirs to read.
        await AsPerson("thread-board-reads", async page =>
        {
            await SignIn(page, "board@northshire.example");
            await Visit(page, "/actions");
            Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Add an action" }).CountAsync());
            await Visit(page, themeUrl);
            Assert.DoesNotContain(finding, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await KeepScreenshot(page, "thread-board-theme");
        });
    }

    /// <summary>Adds an action answering the recommendation from the plan page; returns the action's address, back on the plan.</summary>
    private static async Task<string> AddAction(IPage page, string activity, string agency, string lead, string recommendation)
    {
        var plan = page.Url;
        await page.GetByRole(AriaRole.Button, new() { Name = "Add an action" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await AssertAccessible(page);
        await page.GetByLabel("Action", new() { Exact = true }).FillAsync(activity);
        await page.GetByLabel("Who is responsible?").SelectOptionAsync(new SelectOptionValue { Label = agency });
        await page.GetByLabel("Lead", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = lead });
        await page.GetByLabel("What difference will it make?").FillAsync("Children who go missing repeatedly are seen as a pattern and protected sooner");
        await page.GetByLabel("What evidence will show it?").FillAsync("The hub's log of missing episodes against the agencies' own records");
        await FillDate(page, "Form.EndDate", Today().AddMonths(3));
        await page.GetByRole(AriaRole.Group, new() { Name = "Which recommendations does it answer?" }).GetByLabel(recommendation).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Which themes does it answer?" }).GetByLabel("Exploitation", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the action", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/actions/", StringComparison.Ordinal));
        var action = new Uri(page.Url).AbsolutePath;
        await page.GotoAsync(plan);
        return action;
    }
}
