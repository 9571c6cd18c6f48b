using System.Net;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Tests.Shared;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Features.Demo;
using SafeguardingLearning.Web.Features.Pdf;

namespace SafeguardingLearning.IntegrationTests.Pdf;

/// <summary>A self-assessment cycle's report printed by the product's renderer: every agency, in words.</summary>
public class CycleReportPdfTests
{
    [Fact]
    public async Task The_cycle_report_prints_every_agencys_ratings_in_words_as_a_tagged_pdf()
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite), settings: new Dictionary<string, string>
        {
            ["Demo:SelfAssessments"] = "true",
            ["Pdf:ChromiumPath"] = Environment.GetEnvironmentVariable("SL_CHROMIUM") ?? new PdfOptions().ChromiumPath,
        });
        var cycle = await app.Query(db => db.AssessmentCycles.Where(c => c.Title == DemoSelfAssessments.Section175).Select(c => c.Id).SingleAsync());
        var board = await app.SignInAs("board@northshire.example");

        var response = await board.GetAsync($"/self-assessments/cycles/{cycle}/report.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var facts = await PdfInspection.ReadAsync(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal($"{DemoSelfAssessments.Section175}: self-assessment report", facts.Title);
        Assert.Equal(DemoData.PartnershipName, facts.Info.GetValueOrDefault("Author"));
        Assert.True(facts.Tagged);

        // Every school, not a page of them, each rating in words.
        var text = string.Join(' ', facts.Text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        // (Words come out of a table's narrow cells a line at a time, so names are matched by their first words.)
        Assert.Contains("Abbey Lane", text, StringComparison.Ordinal);
        Assert.Contains("Willow Bank", text, StringComparison.Ordinal);
        Assert.Contains("Self: Green", text, StringComparison.Ordinal);
    }
}
