using System.Globalization;
using Microsoft.Playwright;

namespace SafeguardingLearning.BrowserTests;

/// <summary>
/// The business unit runs a Section 175/157 cycle: copies the shipped framework, opens a cycle
/// inviting one school, imports three more from a CSV file with a row refused, sees the return
/// rate count them as not started, and chases one of them (once a day at most). The import page,
/// the check page and the cycle page each accessible and reflowing at 320 and 1280 CSS pixels wide.
/// </summary>
public class SchoolImportTests(AppServer server) : BrowserTest(server)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static async Task FillDate(IPage page, string prefix, DateOnly date)
    {
        await page.Locator($"[name='{prefix}.Day']").FillAsync(date.Day.ToString(Invariant));
        await page.Locator($"[name='{prefix}.Month']").FillAsync(date.Month.ToString(Invariant));
        await page.Locator($"[name='{prefix}.Year']").FillAsync(date.Year.ToString(Invariant));
    }

    private async Task CheckAtBothWidths(IPage page, string name)
    {
        await page.SetViewportSizeAsync(320, 640);
        var overflowing = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.app-table-scroll'))
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : ''))
                .slice(0, 10)
            """);
        Assert.True(overflowing.Length == 0, $"Wider than 320 px on {page.Url}: {string.Join(", ", overflowing)}");

        // Text too long to wrap (an email address in a notice) widens the page without its element doing so.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"), $"The page scrolls sideways at 320 px on {page.Url}");
        await AssertAccessible(page);
        await KeepScreenshot(page, name + "-320");
        await page.SetViewportSizeAsync(1280, 900);
        await AssertAccessible(page);
        await KeepScreenshot(page, name + "-1280");
    }

    [Fact]
    public async Task The_business_unit_imports_schools_into_a_section_175_cycle_and_chases_one()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var name = $"S175 BT{suffix}";
        var cycleTitle = $"Cycle {name}";
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/London"));
        var urn = 970000 + Random.Shared.Next(0, 9000);
        var schoolA = $"Browser Test School A {suffix}";
        var csv = string.Join('\n',
            "name,URN,head teacher email,DSL email",
            $"{schoolA},{urn},head.a.{suffix}@school.example,dsl.a.{suffix}@school.example",
            $"Browser Test School B {suffix},{urn + 1},head.b.{suffix}@school.example,dsl.b.{suffix}@school.example",
            $"Browser Test School C {suffix},{urn + 2},head.c.{suffix}@school.example,dsl.c.{suffix}@school.example",
            $"Browser Test School D {suffix},12AB,head.d.{suffix}@school.example,dsl.d.{suffix}@school.example") + "\n";
        var file = Path.Combine(Path.GetTempPath(), $"schools-{suffix}.csv");
        await File.WriteAllTextAsync(file, csv);
        try
        {
            await AsPerson("school-import-business-unit", async page =>
            {
                await SignIn(page, "manager@northshire.example");
                await Visit(page, "/self-assessments");
                await page.GetByRole(AriaRole.Link, new() { Name = "Section 175/157 self-assessment" }).First.ClickAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "Copy it into the partnership's own" }).ClickAsync();
                await page.GetByLabel("Name of the framework").FillAsync(name);
                await page.GetByRole(AriaRole.Button, new() { Name = "Copy the framework" }).ClickAsync();
                Assert.Contains("The framework has been copied", await page.Locator("#notice").TextContentAsync(), StringComparison.Ordinal);

                await page.GetByRole(AriaRole.Button, new() { Name = "Open a cycle with it" }).ClickAsync();
                await page.GetByLabel("Title of the cycle").FillAsync(cycleTitle);
                await FillDate(page, "Form.OpensOn", today);
                await FillDate(page, "Form.DueOn", today.AddMonths(3));
                await page.GetByLabel("Abbey Lane Primary School (School)").CheckAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "Open the cycle" }).ClickAsync();
                var cycle = page.Url;

                // The import: the file checked, its bad row refused with why.
                await page.GetByRole(AriaRole.Link, new() { Name = "Import schools from a CSV file" }).ClickAsync();
                await CheckAtBothWidths(page, "school-import");
                await page.GetByLabel("CSV file of schools").SetInputFilesAsync(file);
                await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
                Assert.Equal("3", await page.Locator("#rows-to-import").TextContentAsync());
                Assert.Equal("1", await page.Locator("#rows-refused").TextContentAsync());
                var refused = await page.Locator("#refused tbody").TextContentAsync();
                Assert.Contains($"Browser Test School D {suffix}", refused, StringComparison.Ordinal);
                Assert.Contains("URN", refused, StringComparison.Ordinal);
                await CheckAtBothWidths(page, "school-import-check");
                await page.GetByRole(AriaRole.Button, new() { Name = "Import 3 schools" }).ClickAsync();
                Assert.Equal(cycle, page.Url.Split('#')[0]);
                Assert.Contains("3 schools imported: 3 added", await page.Locator("#notice").TextContentAsync(), StringComparison.Ordinal);
                Assert.Contains("1 row was refused", await page.Locator("#notice").TextContentAsync(), StringComparison.Ordinal);

                // The return rate counts the imported schools as not started, with the school invited at the start.
                var counts = await page.Locator("#return-rate-by-sector tbody tr").Last.Locator("td").AllTextContentsAsync();
                Assert.Equal("4", counts[0].Trim());
                Assert.Equal("4", counts[1].Trim());
                Assert.Contains(schoolA, await page.Locator("#agencies-not-submitted").TextContentAsync(), StringComparison.Ordinal);
                await CheckAtBothWidths(page, "school-import-cycle");

                // Chased once; a second chase the same day refused.
                var chase = page.GetByRole(AriaRole.Button, new() { Name = $"Chase {schoolA}" });
                await chase.ClickAsync();
                Assert.Contains($"{schoolA} has been chased", await page.Locator("#notice").TextContentAsync(), StringComparison.Ordinal);
                await CheckAtBothWidths(page, "school-import-chased");
                await page.GetByRole(AriaRole.Button, new() { Name = $"Chase {schoolA}" }).ClickAsync();
                Assert.Contains($"{schoolA}: This agency has already been chased today", await page.Locator("#notice").TextContentAsync(), StringComparison.Ordinal);
            });
        }
        finally
        {
            File.Delete(file);
        }
    }
}
