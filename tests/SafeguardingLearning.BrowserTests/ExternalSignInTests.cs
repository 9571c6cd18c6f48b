using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SafeguardingLearning.Tests.Shared;

namespace SafeguardingLearning.BrowserTests;

/// <summary>Issue 12, finding 8: an invited agency lead signs in through their organisation's own OpenID Connect provider.</summary>
public partial class ExternalSignInTests(AppServer server) : BrowserTest(server)
{
    [Fact]
    public async Task An_invited_agency_lead_signs_in_through_their_organisations_provider()
    {
        // A new person of their own, so no other test's accounts change.
        var email = $"sso.lead.{Guid.NewGuid():N}"[..24] + "@northshire.example";
        await AsPerson("sso-invite", async page =>
        {
            await SignIn(page, "admin@northshire.example");
            await Visit(page, "/people/invite");
            await page.GetByLabel("Full name").FillAsync("Sam Okafor");
            await page.GetByLabel("Work email address").FillAsync(email);
            await page.GetByRole(AriaRole.Radio, new() { Name = "Agency lead", Exact = true }).CheckAsync();
            await page.GetByLabel("Signs in with").SelectOptionAsync(new SelectOptionValue { Label = "Northshire Council" });
            await page.GetByLabel("Agency (agency leads only)").SelectOptionAsync(new SelectOptionValue { Label = "Northshire Family Support Network" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
            Assert.Contains("Sam Okafor has been invited", await page.Locator("#notice").InnerTextAsync(), StringComparison.Ordinal);
        });

        var link = await InvitationLinkFor(email);
        Server.OpenIdProvider.NextSignIn = new TestIdentity(Guid.NewGuid().ToString("N"), "sam.okafor@council.example", "Sam Okafor", "pwd", "mfa");
        await AsPerson("sso-agency-lead", async page =>
        {
            await Visit(page, link);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Northshire Council" }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
            Assert.Equal("Northshire Family Support Network", (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Trim());
            await AssertAccessible(page);
            await KeepScreenshot(page, "sso-agency-lead-home");

            // Signed out, they come back through "Sign in with Northshire Council" on the sign-in page.
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await Visit(page, "/sign-in");
            await KeepScreenshot(page, "sso-sign-in-page");
            await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Northshire Council" }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
            Assert.Equal("Northshire Family Support Network", (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Trim());
        });
    }

    /// <summary>The invitation's link, from the email the SMTP server received (quoted-printable lines joined).</summary>
    private async Task<string> InvitationLinkFor(string address)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(30); waited += TimeSpan.FromMilliseconds(250))
        {
            var email = Server.Smtp.Received()
                .Select(m => m.Replace("=\r\n", string.Empty, StringComparison.Ordinal).Replace("=\n", string.Empty, StringComparison.Ordinal).Replace("=3D", "=", StringComparison.Ordinal))
                .FirstOrDefault(m => m.Contains($"To: {address}", StringComparison.OrdinalIgnoreCase) && InvitationLink().IsMatch(m));
            if (email is not null)
            {
                return InvitationLink().Match(email).Groups[1].Value;
            }

            await Task.Delay(250);
        }

        throw new Xunit.Sdk.XunitException($"No invitation to {address} reached the SMTP server");
    }

    [GeneratedRegex(@"https?://[^/\s]+(/invitation/sign-in-with\?\S+)")]
    private static partial Regex InvitationLink();
}
