using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace SafeguardingLearning.Bench;

/// <summary>Signs in as a browser would, and reads the benchmark counters of a page.</summary>
internal static partial class Session
{
    /// <summary>Posts the sign-in form with its antiforgery token; returns the cookies as one Cookie header.</summary>
    public static async Task<string> SignInAsync(string baseUrl, string email, string password)
    {
        // Cookies are kept by hand: the app marks them Secure, and the benchmark talks plain HTTP on loopback.
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        var cookies = new Dictionary<string, string>();
        var form = await client.GetAsync(new Uri("/sign-in", UriKind.Relative));
        Keep(form, cookies);
        var token = Token().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) }),
        };
        post.Headers.Add("Cookie", Header(cookies));
        var signedIn = await client.SendAsync(post);
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"{email} could not sign in: {(int)signedIn.StatusCode}");
        }

        Keep(signedIn, cookies);
        return Header(cookies);
    }

    /// <summary>Requests a page <paramref name="times"/> times, one at a time; the medians of its counters.</summary>
    public static async Task<string> ProbeAsync(string url, string cookie, int times)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
        var status = 0;
        var commands = new List<long>();
        var allocated = new List<long>();
        var milliseconds = new List<long>();
        for (var i = 0; i < times + 1; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("Cookie", cookie);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var response = await client.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            clock.Stop();
            status = (int)response.StatusCode;
            if (i > 0)
            {
                // The first request warms the page up and is not counted.
                commands.Add(Counter(response, "X-Bench-Sql-Commands"));
                allocated.Add(Counter(response, "X-Bench-Allocated-Bytes"));
                milliseconds.Add(clock.ElapsedMilliseconds);
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{status} {Median(commands)} {Median(allocated)} {Median(milliseconds)}");
    }

    /// <summary>
    /// Signs in as the business unit and downloads the PDF at <paramref name="path"/> <paramref name="times"/>
    /// times, one at a time (after one untimed download when <paramref name="warm"/>); the median in milliseconds.
    /// </summary>
    public static async Task<long> TimePdfAsync(string baseUrl, string path, int times, bool warm, string password)
    {
        var cookie = await SignInAsync(baseUrl, "manager@northshire.example", password);
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
        var timings = new List<long>();
        for (var i = warm ? -1 : 0; i < times; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", cookie);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var response = await client.SendAsync(request);
            var pdf = await response.Content.ReadAsByteArrayAsync();
            clock.Stop();
            if (response.StatusCode != HttpStatusCode.OK || !pdf.AsSpan().StartsWith("%PDF-"u8))
            {
                throw new InvalidOperationException($"{path} answered {(int)response.StatusCode} {response.Content.Headers.ContentType}, not a PDF");
            }

            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {(i < 0 ? "untimed" : $"#{i + 1}")}: {clock.ElapsedMilliseconds} ms, {pdf.Length} bytes"));
            if (i >= 0)
            {
                timings.Add(clock.ElapsedMilliseconds);
            }
        }

        // With an even count, the mean of the middle two.
        var sorted = timings.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }

    private static long Counter(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values) ? long.Parse(values.First(), CultureInfo.InvariantCulture) : -1;

    private static long Median(List<long> values) => values.Order().ElementAt(values.Count / 2);

    private static void Keep(HttpResponseMessage response, Dictionary<string, string> cookies)
    {
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var pair in setCookies.Select(c => c.Split(';')[0].Split('=', 2)))
            {
                cookies[pair[0]] = pair[1];
            }
        }
    }

    private static string Header(Dictionary<string, string> cookies) => string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}"));

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
