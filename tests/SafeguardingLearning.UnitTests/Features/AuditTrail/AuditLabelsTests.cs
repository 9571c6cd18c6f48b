using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Features.AuditTrail;

namespace SafeguardingLearning.UnitTests.Features.AuditTrail;

public class AuditLabelsTests
{
    /// <summary>Every field the audit trail records of a case record reads on history pages in the words of its form, never as its code name.</summary>
    [Fact]
    public void Every_audited_field_of_every_case_record_has_a_label()
    {
        using var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options, CurrentScope.System());
        var fields = db.Model.GetEntityTypes()
            .Where(t => CaseRecords.Kinds.Contains(t.ClrType.Name) || CaseRecords.NotCaseData.Contains(t.ClrType.Name))
            .SelectMany(t => t.GetProperties().Where(p => p.Name != ConcurrencyTokens.Property).Select(p => (Kind: t.ClrType.Name, Field: p.Name)))
            .Distinct()
            .ToList();

        Assert.NotEmpty(fields);
        var missing = fields.Where(f => !AuditLabels.Fields.ContainsKey(f)).Select(f => $"{f.Kind}.{f.Field}").ToList();
        Assert.True(missing.Count == 0, $"Give these fields their form's label in AuditLabels.Fields: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Labels_are_words_not_code_names()
    {
        Assert.All(AuditLabels.Fields.Values, label => Assert.DoesNotMatch("[a-z][A-Z]", label.Label));
        Assert.Equal("Terms of reference", AuditLabels.For("CaseReview", "TermsOfReference").Label);
        Assert.Equal(FieldKind.Hidden, AuditLabels.For("Finding", "CaseReviewId").Kind);
    }

    [Theory]
    [InlineData("LocalChildSafeguardingPracticeReview", "Local child safeguarding practice review")]
    [InlineData("InProgress", "In progress")]
    [InlineData("AgencyLead", "Agency lead")]
    [InlineData("CriteriaNotMet", "The criteria are not met")]
    [InlineData("AgreesWithDecision", "Agrees with the decision")]
    public void Choices_read_as_the_forms_offer_them(string value, string words) => Assert.Equal(words, AuditLabels.Choice(value));

    [Theory]
    [InlineData("review", "CaseReview")]
    [InlineData("the rapid review", "RapidReview")]
    [InlineData("Theme", "Theme")]
    [InlineData("nothing of the sort", null)]
    public void A_kind_of_record_is_found_by_the_name_people_use(string words, string? kind) => Assert.Equal(kind, AuditLabels.KindNamed(words));
}
