using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.PublicPages;
using SafeguardingLearning.Web.Email;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.PublicPages;

/// <summary>
/// What the public reads without signing in: a partnership's published case reviews, each as the
/// business unit chose to publish it (docs/public-pages.md). Nobody is signed in here, so the data
/// layer's scope shows nothing partnership-owned; every read goes through <see cref="PublicReads"/>,
/// the one narrow path past the filters (published pages and the partnership's public address
/// only; docs/security.md). Every answer is cacheable (public, short max-age, ETag and
/// Last-Modified answered with 304) and sets no cookie.
/// </summary>
[AllowAnonymous]
public sealed class PublicPagesController(AppDbContext db, IOptions<EmailOptions> email) : Controller
{
    /// <summary>Published reviews on a page of the index.</summary>
    public const int PageSize = 20;

    /// <summary>How long a browser or proxy may keep a public page without asking again.</summary>
    public const int MaxAgeSeconds = 300;

    [HttpGet("/published/{slug}")]
    public async Task<IActionResult> Index(string slug, int? page)
    {
        if (!PublicReads.LooksLikeSlug(slug) || await PublicReads.PartnershipAsync(db, slug) is not { } partnership)
        {
            return NotFound();
        }

        var number = Paging.Number(page, partnership.Published, PageSize);
        var yearly = await PublicReads.YearlyReportsAsync(db, partnership.Id);
        if (NotModified($"{partnership.Id:N}|{partnership.Name}|{partnership.Published}|{partnership.LastChangedAt?.Ticks}|{number}|{string.Join(',', yearly.Select(y => $"{y.Year}:{y.PublishedOn}"))}", partnership.LastChangedAt))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        var rows = partnership.Published == 0 ? [] : await PublicReads.Reviews(db, partnership.Id).Skip((number - 1) * PageSize).Take(PageSize).ToListAsync();
        return View(new PublicIndexModel(partnership.Name, partnership.Slug, yearly, new Page<PublicReviewRow>(rows, number, PageSize, partnership.Published), Canonical($"/published/{partnership.Slug}{(number > 1 ? $"?page={number}" : "")}")));
    }

    [HttpGet("/published/{slug}/reviews/{publicId}")]
    public async Task<IActionResult> Review(string slug, string publicId)
    {
        if (!PublicReads.LooksLikeSlug(slug) || !PublicReads.LooksLikePublicId(publicId) || await PublicReads.ReviewAsync(db, slug, publicId) is not { } review)
        {
            return NotFound();
        }

        if (review.WithdrawnOn is { } withdrawnOn)
        {
            return Withdrawn(review.PartnershipName, review.Slug, withdrawnOn);
        }

        if (NotModified($"{review.PublicId}|{review.PartnershipName}|{review.ChangedAt.Ticks}", review.ChangedAt))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        return View(review with { Canonical = Canonical($"/published/{review.Slug}/reviews/{review.PublicId}") });
    }

    [HttpGet("/published/{slug}/reviews/{publicId}/report")]
    public async Task<IActionResult> Report(string slug, string publicId)
    {
        if (!PublicReads.LooksLikeSlug(slug) || !PublicReads.LooksLikePublicId(publicId) || await PublicReads.ReportAsync(db, slug, publicId) is not { } report)
        {
            return NotFound();
        }

        if (report.WithdrawnOn is { } withdrawnOn)
        {
            return Withdrawn(report.PartnershipName, slug, withdrawnOn);
        }

        Cacheable();
        return File(report.Content, "application/pdf", PublicReads.FileName(report.PublicTitle), new DateTimeOffset(DateTime.SpecifyKind(report.ChangedAt, DateTimeKind.Utc)), new EntityTagHeaderValue(Tag($"{publicId}|report|{report.ChangedAt.Ticks}")));
    }

    /// <summary>Search engines may read the published pages and nothing else.</summary>
    [HttpGet("/robots.txt")]
    public IActionResult Robots()
    {
        Cacheable();
        var text = new StringBuilder()
            .Append("User-agent: *\n")
            .Append("Allow: /published/\n")
            .Append("Disallow: /\n")
            .Append(CultureInfo.InvariantCulture, $"Sitemap: {Canonical("/sitemap.xml")}\n");
        return Content(text.ToString(), "text/plain; charset=utf-8");
    }

    /// <summary>Every partnership's public index and its published reviews: two queries.</summary>
    [HttpGet("/sitemap.xml")]
    public async Task<IActionResult> Sitemap()
    {
        var (partnerships, reviews) = await PublicReads.SitemapAsync(db);
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = partnerships.Select(p => Url(Canonical($"/published/{p}"), null))
            .Concat(reviews.Select(r => Url(Canonical($"/published/{r.Slug}/reviews/{r.PublicId}"), r.ChangedAt)));
        var sitemap = new XDocument(new XElement(ns + "urlset", urls));
        Cacheable();
        return Content(sitemap.Declaration + sitemap.ToString(SaveOptions.DisableFormatting), "application/xml; charset=utf-8");

        XElement Url(string location, DateTime? changedAt) => new(
            ns + "url",
            new XElement(ns + "loc", location),
            changedAt is { } at ? new XElement(ns + "lastmod", at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null);
    }

    /// <summary>
    /// A withdrawn page is gone, not missing: 410, with the day it was withdrawn and nothing else
    /// about the review (not its title, not why).
    /// </summary>
    private ViewResult Withdrawn(string partnershipName, string slug, DateOnly withdrawnOn)
    {
        Response.StatusCode = StatusCodes.Status410Gone;
        Cacheable();
        return View("Withdrawn", new PublicWithdrawnModel(partnershipName, slug, withdrawnOn));
    }

    private bool NotModified(string version, DateTime? changedAt) => PublicCaching.NotModified(Request, Response, version, changedAt);

    private void Cacheable() => PublicCaching.Cacheable(Response);

    private static string Tag(string version) => PublicCaching.Tag(version);

    /// <summary>The page's address for search engines: the service's configured address, never the request's Host.</summary>
    private string Canonical(string path) =>
        $"{(email.Value.PublicBaseUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{Request.Scheme}://{Request.Host}")}{path}";
}

/// <summary>How every public answer is cached: public, a short max-age, an ETag and Last-Modified answered with 304.</summary>
public static class PublicCaching
{
    /// <summary>Marks the answer cacheable and tells whether the browser's copy is still current (then the answer is 304).</summary>
    public static bool NotModified(HttpRequest request, HttpResponse response, string version, DateTime? changedAt)
    {
        Cacheable(response);
        var tag = new EntityTagHeaderValue(Tag(version));
        var headers = response.GetTypedHeaders();
        headers.ETag = tag;
        DateTimeOffset? lastModified = changedAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
        if (lastModified is { } modified)
        {
            headers.LastModified = modified;
        }

        var asked = request.GetTypedHeaders();
        if (asked.IfNoneMatch is { Count: > 0 } ifNoneMatch)
        {
            return ifNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(tag, useStrongComparison: false));
        }

        // HTTP dates have whole seconds.
        return asked.IfModifiedSince is { } since && lastModified is { } last && last.ToUnixTimeSeconds() <= since.ToUnixTimeSeconds();
    }

    public static void Cacheable(HttpResponse response) =>
        response.GetTypedHeaders().CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromSeconds(PublicPagesController.MaxAgeSeconds) };

    public static string Tag(string version) =>
        $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(version)))[..32]}\"";
}

/// <summary>
/// The one path past the data layer's filters for people who are not signed in: it reads published
/// review pages (<see cref="PublishedReview"/>, the copies the business unit chose to publish) and
/// partnerships' public names and addresses, filtered by the partnership the address names, and
/// nothing else (docs/security.md). Each page is one or two database commands.
/// </summary>
public static class PublicReads
{
    public static bool LooksLikeSlug(string? slug) =>
        slug is { Length: >= Partnership.PublicSlugMinLength and <= Partnership.PublicSlugMaxLength };

    public static bool LooksLikePublicId(string? publicId) => publicId is { Length: PublishedReview.PublicIdLength };

    /// <summary>The partnership an address names, with how many reviews it shows and when any of its pages last changed: one command.</summary>
    public static Task<PublicPartnership?> PartnershipAsync(AppDbContext db, string slug)
    {
        var lower = slug.ToLowerInvariant();
        return db.Partnerships.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.PublicSlug == lower)
            .Select(p => new PublicPartnership(
                p.Id,
                p.Name,
                p.PublicSlug!,
                db.PublishedReviews.IgnoreQueryFilters().Count(r => r.PartnershipId == p.Id && r.WithdrawnOn == null),
                db.PublishedReviews.IgnoreQueryFilters().Where(r => r.PartnershipId == p.Id).Max(r => (DateTime?)r.ChangedAt)))
            .SingleOrDefaultAsync();
    }

    /// <summary>The partnership's published yearly reports, newest first: few, so not paged. One command.</summary>
    public static async Task<List<PublicYearlyReportRow>> YearlyReportsAsync(AppDbContext db, Guid partnershipId)
    {
        var reports = await db.YearlyReports.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.PartnershipId == partnershipId && r.State == Domain.Reporting.YearlyReportState.Published)
            .OrderByDescending(r => r.YearStarts)
            .Select(r => new { r.YearStarts, r.PublishedOn })
            .ToListAsync();
        return [.. reports.Select(r => (Year: Domain.Reporting.ReportingYear.Starting(r.YearStarts.Year, r.YearStarts.Month), r.PublishedOn))
            .Select(r => new PublicYearlyReportRow(r.Year.Slug, r.Year.Describe(), r.PublishedOn!.Value))];
    }

    /// <summary>The partnership's published reviews, newest first, as the index lists them.</summary>
    public static IQueryable<PublicReviewRow> Reviews(AppDbContext db, Guid partnershipId) =>
        db.PublishedReviews.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.PartnershipId == partnershipId && r.WithdrawnOn == null)
            .OrderByDescending(r => r.PublishedOn).ThenBy(r => r.PublicTitle).ThenBy(r => r.PublicId)
            .Select(r => new PublicReviewRow(r.PublicId, r.PublicTitle, r.Summary, r.PublishedOn));

    /// <summary>One published review's page, with the board's responses chosen for it: one command.</summary>
    public static Task<PublicReviewModel?> ReviewAsync(AppDbContext db, string slug, string publicId)
    {
        var lower = slug.ToLowerInvariant();
        return (
                from r in db.PublishedReviews.IgnoreQueryFilters().AsNoTracking()
                join p in db.Partnerships.IgnoreQueryFilters() on r.PartnershipId equals p.Id
                where p.PublicSlug == lower && r.PublicId == publicId
                select new PublicReviewModel(
                    p.Name,
                    p.PublicSlug!,
                    r.PublicId,
                    r.PublicTitle,
                    r.Summary,
                    r.PublishedOn,
                    r.ReportSizeInBytes,
                    r.ChangedAt,
                    r.WithdrawnOn,
                    r.Responses.OrderBy(x => x.Number).Select(x => new PublicResponseRow(x.Number, x.Finding, x.Recommendation, x.Response, x.RespondedOn)).ToList(),
                    string.Empty))
            .SingleOrDefaultAsync();
    }

    /// <summary>A published review's report: its content and when it last changed, one command.</summary>
    public static Task<PublicReportFile?> ReportAsync(AppDbContext db, string slug, string publicId)
    {
        var lower = slug.ToLowerInvariant();
        return (
                from r in db.PublishedReviews.IgnoreQueryFilters().AsNoTracking()
                join p in db.Partnerships.IgnoreQueryFilters() on r.PartnershipId equals p.Id
                where p.PublicSlug == lower && r.PublicId == publicId
                select new PublicReportFile(p.Name, r.PublicTitle, r.ReportContent, r.ChangedAt, r.WithdrawnOn))
            .SingleOrDefaultAsync();
    }

    /// <summary>Every public address and every page still published: two commands.</summary>
    public static async Task<(List<string> Partnerships, List<PublicSitemapRow> Reviews)> SitemapAsync(AppDbContext db)
    {
        var partnerships = await db.Partnerships.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.PublicSlug != null).OrderBy(p => p.PublicSlug).Select(p => p.PublicSlug!).ToListAsync();
        var reviews = await (
                from r in db.PublishedReviews.IgnoreQueryFilters().AsNoTracking()
                join p in db.Partnerships.IgnoreQueryFilters() on r.PartnershipId equals p.Id
                where p.PublicSlug != null && r.WithdrawnOn == null
                orderby p.PublicSlug, r.PublishedOn descending, r.PublicId
                select new PublicSitemapRow(p.PublicSlug!, r.PublicId, r.ChangedAt))
            .Take(50_000)
            .ToListAsync();
        return (partnerships, reviews);
    }

    /// <summary>The report's download name, made from its public title (never the name it was uploaded with).</summary>
    public static string FileName(string publicTitle)
    {
        var words = new StringBuilder();
        foreach (var c in publicTitle.ToLowerInvariant())
        {
            words.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var name = string.Join('-', words.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return $"{(name.Length == 0 ? "review" : name[..Math.Min(name.Length, 80)])}-report.pdf";
    }
}

public sealed record PublicPartnership(Guid Id, string Name, string Slug, int Published, DateTime? LastChangedAt);

public sealed record PublicReviewRow(string PublicId, string PublicTitle, string Summary, DateOnly PublishedOn);

public sealed record PublicIndexModel(string PartnershipName, string Slug, IReadOnlyList<PublicYearlyReportRow> YearlyReports, Page<PublicReviewRow> Reviews, string Canonical);

public sealed record PublicResponseRow(int Number, string Finding, string? Recommendation, string Response, DateOnly? RespondedOn);

public sealed record PublicReviewModel(
    string PartnershipName,
    string Slug,
    string PublicId,
    string PublicTitle,
    string Summary,
    DateOnly PublishedOn,
    long ReportSizeInBytes,
    DateTime ChangedAt,
    DateOnly? WithdrawnOn,
    List<PublicResponseRow> Responses,
    string Canonical);

public sealed record PublicReportFile(string PartnershipName, string PublicTitle, byte[] Content, DateTime ChangedAt, DateOnly? WithdrawnOn);

public sealed record PublicSitemapRow(string Slug, string PublicId, DateTime ChangedAt);

public sealed record PublicWithdrawnModel(string PartnershipName, string Slug, DateOnly WithdrawnOn);
