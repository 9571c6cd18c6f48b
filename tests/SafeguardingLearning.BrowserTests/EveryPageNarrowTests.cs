using System.Text.RegularExpressions;

namespace SafeguardingLearning.BrowserTests;

/// <summary>
/// Every signed-in page each person can reach, read on a phone 320 CSS pixels wide (WCAG 2.1 1.4.10
/// Reflow): the page never scrolls sideways (a wide table scrolls inside its own box), and axe-core
/// finds nothing serious there. The pages are found as people find them — the navigation and the
/// links on every page — starting from each address that takes no id, and one page of each kind
/// (one review, one agency...) is checked.
/// </summary>
public partial class EveryPageNarrowTests(AppServer server) : BrowserTest(server)
{
    // Every signed-in page that takes no id; the rest are found by following links.
    private static readonly string[] Starts =
    [
        "/", "/reminders", "/notifications", "/notifications/new", "/rapid-reviews", "/reviews", "/reviews/new", "/themes",
        "/agencies", "/agencies/new", "/people", "/people/invite", "/partnerships", "/calendar", "/timetable", "/audit",
        "/audit/verify", "/jobs", "/account/password", "/account/two-factor", "/accessibility", "/privacy", "/cookies",
        "/audits/single-agency", "/audits/single-agency/new", "/data", "/highlight-reports",
    ];

    // The business unit, an agency lead, a reviewer and an administrator: between them they reach every kind of page
    // (the chair's and the board's are kinds the business unit reaches; another agency lead or partnership, the same kinds).
    public static TheoryData<string> People =>
    [
        "manager@northshire.example", "police.lead@northshire.example", "reviewer@northshire.example", "admin@northshire.example",
    ];

    /// <summary>Kinds of page already checked with axe-core as someone: the markup comes from the same view, so another person's copy is measured for width only.</summary>
    private static readonly HashSet<string> AxeChecked = new(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(People))]
    public async Task Every_page_a_person_can_reach_reads_at_320_pixels_without_scrolling_sideways(string email)
    {
        var name = email.Split('@')[0] + "-" + email.Split('@')[1].Split('.')[0];
        await AsPerson($"every-page-{name}", async page =>
        {
            await SignIn(page, email);
            await page.SetViewportSizeAsync(320, 640);
            var queue = new Queue<string>(Starts);
            var kinds = new HashSet<string>(StringComparer.Ordinal);
            var checkedPages = new List<string>();
            var tooWide = new List<string>();
            while (queue.Count > 0 && checkedPages.Count < 80)
            {
                var url = queue.Dequeue();
                if (!kinds.Add(Kind(url)))
                {
                    continue;
                }

                var response = await page.GotoAsync(url);
                var path = new Uri(page.Url).AbsolutePath;

                // Pages the person may not open (403), and addresses that sent them elsewhere, are not theirs.
                if (response is null || response.Status != 200 || !string.Equals(path, new Uri(new Uri(Server.BaseUrl), url).AbsolutePath, StringComparison.Ordinal)
                    || !(response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal)))
                {
                    continue;
                }

                checkedPages.Add(path);
                var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                if (width > 320)
                {
                    // Name the elements that reach past the screen's edge, innermost first, so the cause is plain.
                    var culprits = await page.EvaluateAsync<string[]>("""
                        () => [...document.querySelectorAll('body *')]
                            .filter(e => e.getBoundingClientRect().right > 321 && ![...e.children].some(c => c.getBoundingClientRect().right > 321))
                            .filter(e => !e.closest('.app-table-scroll') || ['absolute', 'fixed'].includes(getComputedStyle(e).position))
                            .slice(0, 5)
                            .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '') + ' ' + Math.round(e.getBoundingClientRect().right) + 'px')
                        """);
                    tooWide.Add($"{path} ({width} px: {string.Join("; ", culprits)})");
                    await KeepScreenshot(page, $"too-wide-{name}-{Kind(path).Replace('/', '_')}");
                }

                bool firstOfKind;
                lock (AxeChecked)
                {
                    firstOfKind = AxeChecked.Add(Kind(path)) || path == "/";
                }

                if (firstOfKind)
                {
                    await AssertAccessible(page);
                }
                else
                {
                    CheckedAsSomeoneElse(page);
                }
                await KeepScreenshot(page, $"narrow-{name}-{Kind(path).Trim('/').Replace('/', '_')}");
                foreach (var link in await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[href^=\"/\"]')].map(a => a.getAttribute('href'))"))
                {
                    if (Followable(link) && !kinds.Contains(Kind(link)))
                    {
                        queue.Enqueue(link);
                    }
                }
            }

            Assert.True(checkedPages.Count >= 3, $"Only {checkedPages.Count} pages found for {email}: {string.Join(", ", checkedPages)}");
            Assert.True(tooWide.Count == 0, $"Wider than 320 px for {email}: {string.Join(", ", tooWide)}");
        });
    }

    /// <summary>Links that open a page, not a file, a sign-in step or third-party markup.</summary>
    private static bool Followable(string link) =>
        !link.StartsWith("//", StringComparison.Ordinal)
        && !NotPages().IsMatch(link.Split('?', '#')[0]);

    /// <summary>A page's kind: its address without ids, queries or fragments (one review stands for all).</summary>
    private static string Kind(string url) => Ids().Replace(url.Split('?', '#')[0], "{id}");

    [GeneratedRegex(@"^/(hangfire|jobs/dashboard|sign-in|signed-out|sign-out|invitation|attachments/|audits/single-agency/documents/|lib/|css/|js/|images/|assets/)|^/published/[^/]+/reviews/[^/]+/report$|\.(pdf|csv|docx|png|jpg|js|css)$")]
    private static partial Regex NotPages();

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Ids();
}
