using Microsoft.Playwright;

namespace SafeguardingLearning.BrowserTests;

public class SchedulingTests(AppServer server) : BrowserTest(server)
{
    [Fact]
    public Task The_administrator_sees_each_job_and_runs_one_now() =>
        AsPerson("scheduled-jobs", async page =>
        {
            await SignIn(page, "admin@northshire.example");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Scheduled jobs" }).ClickAsync();
            Assert.Equal(["Deadline sweep", "Email delivery", "Quarterly cycle", "Audit trail anchor", "Self-assessment invitations"], (await page.Locator("#jobs tbody th").AllInnerTextsAsync()).Select(t => t.Split('\n')[0].Trim()));
            Assert.Contains("Jobs run in this process", await page.Locator("#scheduler").InnerTextAsync(), StringComparison.Ordinal);
            await AssertAccessible(page);

            var row = page.Locator("#jobs tbody tr", new() { HasTextString = "Quarterly cycle" });
            await row.GetByRole(AriaRole.Button).ClickAsync();
            Assert.Contains("Quarterly cycle will run in a moment", await page.Locator("#notice").InnerTextAsync(), StringComparison.Ordinal);
            for (var attempt = 0; attempt < 20 && !(await row.InnerTextAsync()).Contains("Succeeded", StringComparison.Ordinal); attempt++)
            {
                await Task.Delay(500);
                await page.ReloadAsync();
            }

            Assert.Contains("Succeeded", await row.InnerTextAsync(), StringComparison.Ordinal);
            await KeepScreenshot(page, "scheduled-jobs");
        });

    [Fact]
    public Task The_chair_reads_a_reminder_from_the_header_and_marks_it_read() =>
        AsPerson("reminders", async page =>
        {
            await SignIn(page, "chair@northshire.example");
            Assert.Equal("Reminders (1 unread)", string.Join(' ', (await page.Locator("#reminders-link").TextContentAsync())!.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));
            await page.Locator("#reminders-link").ClickAsync();
            Assert.Contains("Child P", await page.Locator("#reminders").InnerTextAsync(), StringComparison.Ordinal);
            await AssertAccessible(page);
            await KeepScreenshot(page, "reminders");

            await page.GetByRole(AriaRole.Button, new() { Name = "Mark all as read" }).ClickAsync();
            Assert.Equal("Nothing unread.", (await page.Locator("#reminder-count").InnerTextAsync()).Trim());
            Assert.DoesNotContain("unread", await page.Locator("#reminders-link").InnerTextAsync(), StringComparison.Ordinal);
        });
}
