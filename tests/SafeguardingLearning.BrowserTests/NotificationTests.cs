using Microsoft.Playwright;

namespace SafeguardingLearning.BrowserTests;

public class NotificationTests(AppServer server) : BrowserTest(server)
{
    private static async Task FillDate(IPage page, string legend, string day, string month, string year)
    {
        var group = page.GetByRole(AriaRole.Group, new() { Name = legend, Exact = false });
        await group.GetByLabel("Day").FillAsync(day);
        await group.GetByLabel("Month").FillAsync(month);
        await group.GetByLabel("Year").FillAsync(year);
    }

    [Fact]
    public async Task The_business_unit_records_and_screens_a_notification_and_the_chair_signs_off()
    {
        var pseudonym = $"Child {Guid.NewGuid():N}"[..11];
        string url = string.Empty;
        await AsPerson("manager-records-a-notification", async page =>
        {
            await SignIn(page, "manager@northshire.example");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Serious incidents" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Record a notification" }).ClickAsync();
            await AssertAccessible(page);

            await page.GetByRole(AriaRole.Button, new() { Name = "Record the notification" }).ClickAsync();
            Assert.Equal(7, await page.Locator(".govuk-error-summary__list li").CountAsync());
            await AssertAccessible(page);
            await KeepScreenshot(page, "notification-errors");

            await page.GetByLabel("Child's pseudonym").FillAsync(pseudonym);
            await page.GetByLabel("10 to 15").CheckAsync();
            await FillDate(page, "Date of the incident", "2", "11", "2026");
            await FillDate(page, "Date the local authority became aware", "3", "11", "2026");
            await FillDate(page, "Date the partnership was notified", "4", "11", "2026");
            await page.GetByLabel("Summary").FillAsync("Admitted to hospital with injuries not consistent with the account given.");
            await page.GetByLabel("Northshire Police").CheckAsync();
            await page.GetByLabel("Northshire NHS Foundation Trust").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the notification" }).ClickAsync();

            Assert.Equal(pseudonym, (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Trim());
            Assert.DoesNotContain("on time", await page.Locator("#panel-notification").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
            foreach (var (question, answer) in new[]
                     {
                         ("Is abuse or neglect of the child known or suspected?", "Yes"),
                         ("Has the child died (including suspected suicide)?", "No"),
                         ("Has the child been seriously harmed?", "Yes"),
                         ("Is there cause for concern about how agencies worked together?", "Yes"),
                         ("Did the child die in custody, police custody, on remand or after sentencing, or in a YOI, secure training centre or secure children's home?", "No"),
                         ("Did the child die while detained under the Mental Health Act 1983?", "No"),
                         ("Did the child die aged 16 or 17 while subject to a deprivation of liberty order?", "No"),
                     })
            {
                await page.GetByRole(AriaRole.Group, new() { Name = question }).GetByLabel(answer, new() { Exact = true }).CheckAsync();
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Record the screening" }).ClickAsync();
            Assert.Contains("Review required", await page.Locator("#recommendation").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Sign off the decision" }).CountAsync());
            await AssertAccessible(page);
            url = new Uri(page.Url).AbsolutePath;
        });

        await AsPerson("chair-signs-off", async page =>
        {
            await SignIn(page, "chair@northshire.example");
            await page.GotoAsync(url);
            await AssertAccessible(page);
            await page.GetByLabel("The case meets the criteria: a review is required").CheckAsync();
            await page.GetByLabel("Reasons").FillAsync("Serious injury, and concerns about information sharing between police and health.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign off the decision" }).ClickAsync();

            Assert.Contains("Chair's decision: a review is required", await page.Locator("#decision").InnerTextAsync(), StringComparison.Ordinal);
            await AssertAccessible(page);
            await KeepScreenshot(page, "chair-decision");
        });
    }
}
