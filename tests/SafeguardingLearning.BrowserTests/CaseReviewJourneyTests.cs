using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using SafeguardingLearning.Tests.Shared;

namespace SafeguardingLearning.BrowserTests;

/// <summary>
/// The whole journey, as the people who do it: the business unit records and screens a serious
/// incident, the chair decides, the rapid review asks two agencies, whose leads each see only their
/// own request, the meeting recommends, the chair signs off, and the report goes to the Panel as a PDF.
/// </summary>
public class CaseReviewJourneyTests(AppServer server) : BrowserTest(server)
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, London).DateTime);

    /// <summary>
    /// The rapid review's deadline counted here, by hand, from the published gov.uk dates: not by
    /// the app's calendar, so the page and the PDF are checked against something they did not print.
    /// </summary>
    private static DateOnly FifteenWorkingDaysAfter(DateOnly dayZero)
    {
        var file = Path.Combine(AppProcess.RepositoryRoot(), "src", "SafeguardingLearning.Web", "Features", "Calendar", "bank-holidays-england-and-wales.json");
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        var holidays = json.RootElement.GetProperty("england-and-wales").GetProperty("events").EnumerateArray()
            .Select(e => DateOnly.ParseExact(e.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture))
            .ToHashSet();
        var day = dayZero;
        for (var counted = 0; counted < 15;)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day))
            {
                counted++;
            }
        }

        return day;
    }

    private static string DayAndDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    [Fact]
    public async Task A_notification_goes_through_screening_rapid_review_agency_answers_sign_off_and_the_report()
    {
        var pseudonym = $"Child {Guid.NewGuid():N}"[..11];
        var notified = Today.AddDays(-3);
        string notification = string.Empty, rapidReview = string.Empty;

        // The count is anchored to a known answer: notified Friday 18 December 2026, due Wednesday
        // 13 January 2027 (25 and 28 December 2026 and 1 January 2027 are bank holidays).
        Assert.Equal(new DateOnly(2027, 1, 13), FifteenWorkingDaysAfter(new DateOnly(2026, 12, 18)));
        var due = DayAndDate(FifteenWorkingDaysAfter(notified));

        await AsPerson("journey-manager-records", async page =>
        {
            await SignIn(page, "manager@northshire.example");
            await page.GotoAsync("/notifications/new");
            await page.GetByLabel("Child's pseudonym").FillAsync(pseudonym);
            await page.GetByLabel("10 to 15").CheckAsync();
            await FillDate(page, "Date of the incident", notified.AddDays(-2));
            await FillDate(page, "Date the local authority became aware", notified.AddDays(-1));
            await FillDate(page, "Date the partnership was notified", notified);
            await page.GetByLabel("Summary").FillAsync("Admitted to hospital with injuries not consistent with the account given.");
            await page.GetByLabel("Northshire Police").CheckAsync();
            await page.GetByLabel("Northshire NHS Foundation Trust").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the notification" }).ClickAsync();
            foreach (var (question, answer) in new[]
                     {
                         ("Is abuse or neglect of the child known or suspected?", "Yes"),
                         ("Has the child died (including suspected suicide)?", "No"),
                         ("Has the child been seriously harmed?", "Yes"),
                         ("Is there cause for concern about how agencies worked together?", "Yes"),
                         ("Did the child die in custody, police custody, on remand or after sentencing, or in a YOI, secure training centre or secure children's home?", "No"),
                         ("Did the child die while detained under the Mental Health Act 1983?", "No"),
                         ("Did the child die aged 16 or 17 while subject to a deprivation of liberty order?", "Not known yet"),
                     })
            {
                await page.GetByRole(AriaRole.Group, new() { Name = question }).GetByLabel(answer, new() { Exact = true }).CheckAsync();
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Record the screening" }).ClickAsync();
            notification = new Uri(page.Url).AbsolutePath;
        });

        await AsPerson("journey-chair-screening", async page =>
        {
            await SignIn(page, "chair@northshire.example");
            await page.GotoAsync(notification);
            await page.GetByLabel("The case meets the criteria: a review is required").CheckAsync();
            await page.GetByLabel("Reasons").FillAsync("Serious injury with suspected abuse.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign off the decision" }).ClickAsync();
            Assert.Contains("a review is required", await page.Locator("#decision").InnerTextAsync(), StringComparison.Ordinal);
        });

        await AsPerson("journey-manager-starts", async page =>
        {
            await SignIn(page, "manager@northshire.example");
            await page.GotoAsync(notification);
            await page.GetByRole(AriaRole.Button, new() { Name = "Start the rapid review" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Ask the agencies involved for their summaries" }).ClickAsync();
            Assert.Contains("2 agencies have been asked", await page.Locator("#notice").InnerTextAsync(), StringComparison.Ordinal);
            // Asking the agencies is the timetable's step: done, and the summaries show what is outstanding.
            Assert.Contains("Done", await page.Locator("#milestones tbody tr").Nth(1).InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("2 of 2 outstanding", await page.Locator("#milestones tbody tr").Nth(2).InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Sign off the decision" }).CountAsync());
            Assert.Equal($"{due}, 15 working days later", (await page.Locator("#due").InnerTextAsync()).Trim());
            rapidReview = new Uri(page.Url).AbsolutePath;
            await AssertAccessible(page);
        });

        var answers = new Dictionary<string, string>
        {
            ["police.lead@northshire.example"] = "Police attended the home once, after a neighbour's call.",
            ["health.lead@northshire.example"] = "Seen twice by the health visitor; one missed appointment.",
        };
        const string PoliceDocument = "police-chronology.pdf";
        string policeDocumentLink = string.Empty;
        foreach (var (lead, answer) in answers)
        {
            await AsPerson($"journey-{lead}", async page =>
            {
                await SignIn(page, lead);
                Assert.Contains($"{pseudonym}", await page.Locator("#deadline-calendar").InnerTextAsync(), StringComparison.Ordinal);
                var request = page.Locator("#agency-requests").GetByRole(AriaRole.Link, new() { Name = pseudonym });
                Assert.Equal(1, await request.CountAsync());

                // Asked at once by email, at a real SMTP server: a link to their request and nothing of the case.
                var link = (await request.GetAttributeAsync("href"))!;
                var email = await EmailTo(lead, link);
                Assert.DoesNotContain(pseudonym, email, StringComparison.Ordinal);
                Assert.DoesNotContain("Admitted to hospital", email, StringComparison.Ordinal);

                await request.ClickAsync();
                await page.GetByLabel("Summary of your agency's involvement with the child and family").FillAsync(answer);
                if (lead.StartsWith("police", StringComparison.Ordinal))
                {
                    await page.Locator("#File").SetInputFilesAsync(new FilePayload { Name = PoliceDocument, MimeType = "application/pdf", Buffer = "%PDF-1.4\n%%EOF\n"u8.ToArray() });
                    await page.GetByRole(AriaRole.Button, new() { Name = "Attach the document" }).ClickAsync();
                    policeDocumentLink = (await page.Locator("#attachments").GetByRole(AriaRole.Link, new() { Name = PoliceDocument }).GetAttributeAsync("href"))!;
                    await AssertAccessible(page);
                }

                await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
                await AssertAccessible(page);
                await page.GetByRole(AriaRole.Button, new() { Name = "Send to the business unit" }).ClickAsync();
                Assert.Contains(answer, await page.Locator("#answer").InnerTextAsync(), StringComparison.Ordinal);

                // Neither the other agency's answer or documents nor the rapid review itself is theirs to see.
                var otherAnswer = answers.Single(a => a.Key != lead).Value;
                Assert.DoesNotContain(otherAnswer, await page.ContentAsync(), StringComparison.Ordinal);
                if (!lead.StartsWith("police", StringComparison.Ordinal))
                {
                    Assert.DoesNotContain(PoliceDocument, await page.ContentAsync(), StringComparison.Ordinal);
                    Assert.Equal(404, (await page.GotoAsync(policeDocumentLink))!.Status);
                }

                Assert.Equal(403, (await page.GotoAsync(rapidReview + "/composite"))!.Status);

                // Answered: nothing of this case is due from them any more.
                await page.GotoAsync("/");
                Assert.DoesNotContain(pseudonym, await page.Locator("#deadline-calendar").InnerTextAsync(), StringComparison.Ordinal);
            });
        }

        await AsPerson("journey-manager-meeting", async page =>
        {
            await SignIn(page, "manager@northshire.example");
            await page.GotoAsync(rapidReview + "/composite");
            var composite = await page.Locator("#composite").InnerTextAsync();
            Assert.All(answers.Values, answer => Assert.Contains(answer, composite, StringComparison.Ordinal));
            var document = page.Locator("#composite").GetByRole(AriaRole.Link, new() { Name = PoliceDocument });
            Assert.Equal(policeDocumentLink, await document.GetAttributeAsync("href"));
            var download = await page.RunAndWaitForDownloadAsync(() => document.ClickAsync());
            Assert.StartsWith("%PDF-", await File.ReadAllTextAsync(await download.PathAsync()), StringComparison.Ordinal);
            await AssertAccessible(page);

            await page.GotoAsync(rapidReview);
            await page.GetByLabel("Who attended").FillAsync("Jonathan Reeve, independent chair\nMary Okafor, business manager");
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision meeting" }).ClickAsync();
            var errors = await page.Locator(".govuk-error-summary__list a").AllInnerTextsAsync();
            Assert.Contains("Enter the date of the meeting", errors);
            Assert.Contains("Choose the decision the meeting recommends", errors);
            Assert.Contains("Mary Okafor", await page.GetByLabel("Who attended").InputValueAsync(), StringComparison.Ordinal);
            await AssertAccessible(page);
            await KeepScreenshot(page, "journey-meeting-errors");

            await FillDate(page, "Date of the meeting", Today);
            await page.GetByLabel("Local child safeguarding practice review, no national issues").CheckAsync();
            await page.GetByLabel("Justification").FillAsync("The criteria are met; the learning is local.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision meeting" }).ClickAsync();
            Assert.Contains("Decision meeting held", await page.Locator("#stage").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Sign off the decision" }).CountAsync());
        });

        await AsPerson("journey-chair-signs-off", async page =>
        {
            await SignIn(page, "chair@northshire.example");
            await page.GotoAsync(rapidReview);
            Assert.True(await page.GetByLabel("Local child safeguarding practice review, no national issues").IsCheckedAsync());
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign off the decision" }).ClickAsync();
            Assert.Contains("Local child safeguarding practice review, no national issues", await page.Locator("#decision").InnerTextAsync(), StringComparison.Ordinal);
            await AssertAccessible(page);
            await KeepScreenshot(page, "journey-signed-off");

            // Signed off: of the rapid review, only sending the report remains; nothing before it is upcoming. The review
            // the decision commissioned has a clock of its own: the partners' first check on its time and quality.
            await page.GotoAsync("/");
            var named = (await page.Locator("#deadline-calendar li").AllInnerTextsAsync()).Where(d => d.Contains(pseudonym, StringComparison.Ordinal)).ToList();

            // The review's own first check is on its row of the open reviews (the calendar lists only the 25 soonest
            // of the partnership's deadlines, which the demo's risks, audits and data returns may fill first).
            var rows = (await page.Locator("#open-reviews tbody tr").AllInnerTextsAsync()).Where(r => r.Contains(pseudonym, StringComparison.Ordinal)).ToList();
            Assert.Single(rows, r => r.Contains("Check the review's time and quality", StringComparison.Ordinal));
            var remaining = named.Where(d => !d.Contains("Check the review's time and quality", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(remaining);
            Assert.All(remaining, d => Assert.Contains("sent to the Panel", d, StringComparison.Ordinal));
        });

        await AsPerson("journey-manager-report", async page =>
        {
            await SignIn(page, "manager@northshire.example");
            await page.GotoAsync(rapidReview);
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#report-link").ClickAsync());
            var pdf = await File.ReadAllBytesAsync(await download.PathAsync());
            var facts = await PdfInspection.ReadAsync(pdf);
            Assert.Equal(2, facts.Pages);
            Assert.True(facts.Tagged, "The report must be a tagged PDF");
            Assert.True(facts.HasOutline, "The report must have an outline");
            Assert.Contains(pseudonym, facts.Title, StringComparison.Ordinal);
            var text = string.Join(' ', facts.Text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains($"Rapid review due {due}", text, StringComparison.Ordinal);
            Assert.Contains(answers["health.lead@northshire.example"], text, StringComparison.Ordinal);
            Assert.Contains("Signed off by Jonathan Reeve", text, StringComparison.Ordinal);

            await FillDate(page, "Date the report was sent to the Panel", Today);
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the report as sent" }).ClickAsync();
            Assert.Contains("On time", await page.Locator("#report-sent").InnerTextAsync(), StringComparison.Ordinal);
            await page.GetByLabel("Agrees with the decision").CheckAsync();
            await FillDate(page, "Date of the Panel's response", Today);
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the Panel's response" }).ClickAsync();
            Assert.Contains("Agrees with the decision", await page.Locator("#panel-response").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator("#milestones .govuk-tag--red, #milestones .govuk-tag--orange, #milestones .govuk-tag--blue").CountAsync());
            var timeline = (await page.Locator("#timeline .moj-timeline__title").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
            Assert.Equal(["The Panel responded", "Report sent to the Panel", "Decision signed off by the chair", "Decision meeting held"], timeline.Take(4));
            Assert.Equal("Partnership notified", timeline[^1]);
            await AssertAccessible(page);
            await KeepScreenshot(page, "journey-panel-responded");

            // The decision put a local review on the register.
            await page.GetByRole(AriaRole.Link, new() { Name = "The review on the register" }).ClickAsync();
            Assert.Equal(pseudonym, (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Trim());
            Assert.Contains(DisplayDate(Today.AddMonths(6)), await page.Locator("#completion-target").InnerTextAsync(), StringComparison.Ordinal);
        });
    }

    /// <summary>The email the SMTP server received for this person with this link in it, waiting for the outbox to deliver it.</summary>
    private async Task<string> EmailTo(string address, string link)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(30); waited += TimeSpan.FromMilliseconds(250))
        {
            var email = Server.Smtp.Received().FirstOrDefault(m => m.Contains($"To: {address}", StringComparison.OrdinalIgnoreCase) && m.Contains(link, StringComparison.Ordinal));
            if (email is not null)
            {
                return email;
            }

            await Task.Delay(250);
        }

        throw new Xunit.Sdk.XunitException($"No email to {address} with {link} reached the SMTP server");
    }

    private static string DisplayDate(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private static async Task FillDate(IPage page, string legend, DateOnly date)
    {
        var group = page.GetByRole(AriaRole.Group, new() { Name = legend, Exact = false });
        await group.GetByLabel("Day").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }
}
