using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.SelfAssessments;

namespace SafeguardingLearning.UnitTests.Domain.SelfAssessments;

/// <summary>Reading the business unit's CSV of schools, and matching its rows against what the service knows.</summary>
public class SchoolCsvTests
{
    private const string Header = "name,URN,head teacher email,DSL email\n";

    [Fact]
    public void Rows_are_read_in_any_column_order_with_quoted_fields_and_a_byte_order_mark()
    {
        var file = SchoolCsv.Read("\uFEFFDSL Email,URN,School name,Head teacher email\r\n" +
            "dsl@ash.example,100001,\"Ash Primary School, Northtown\",head@ash.example\r\n" +
            "dsl@oak.example,1000002,\"Oak \"\"Academy\"\"\",head@oak.example\r\n\r\n");

        Assert.True(file.IsUsable);
        Assert.Empty(file.Refused);
        Assert.Equal(
            [new SchoolRow(2, "Ash Primary School, Northtown", "100001", "head@ash.example", "dsl@ash.example"), new SchoolRow(3, "Oak \"Academy\"", "1000002", "head@oak.example", "dsl@oak.example")],
            file.Rows);
    }

    [Fact]
    public void A_missing_column_makes_the_whole_file_unusable_and_says_which()
    {
        var file = SchoolCsv.Read("name,URN,DSL email\nAsh,100001,dsl@ash.example\n");

        Assert.False(file.IsUsable);
        Assert.Contains("head teacher email is missing", Assert.Single(file.Problems), StringComparison.Ordinal);
        Assert.Empty(file.Rows);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("name,URN,head teacher email,DSL email\n")]
    public void An_empty_file_or_a_header_alone_is_unusable(string text) =>
        Assert.False(SchoolCsv.Read(text).IsUsable);

    [Theory]
    [InlineData(",100001,head@a.example,dsl@a.example", "Enter the school's name")]
    [InlineData("Ash,12345,head@a.example,dsl@a.example", "must be a number of 6 or 7 digits")]
    [InlineData("Ash,12345678,head@a.example,dsl@a.example", "must be a number of 6 or 7 digits")]
    [InlineData("Ash,10000A,head@a.example,dsl@a.example", "must be a number of 6 or 7 digits")]
    [InlineData("Ash,,head@a.example,dsl@a.example", "Enter the school's URN")]
    [InlineData("Ash,100001,head-at-a.example,dsl@a.example", "The head teacher's email address \"head-at-a.example\" must be in the correct format")]
    [InlineData("Ash,100001,head@a.example,", "Enter the designated safeguarding lead's email address")]
    [InlineData("Ash,100001,head@a.example,dsl@a", "The designated safeguarding lead's email address \"dsl@a\" must be in the correct format")]
    public void A_bad_row_is_refused_with_its_row_number_and_why(string row, string reason)
    {
        var file = SchoolCsv.Read(Header + "Oak,100009,head@oak.example,dsl@oak.example\n" + row + "\n");

        Assert.True(file.IsUsable);
        Assert.Equal("Oak", Assert.Single(file.Rows).Name);
        var refused = Assert.Single(file.Refused);
        Assert.Equal(3, refused.Row);
        Assert.Contains(refused.Reasons, r => r.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_reason_a_row_is_refused_is_given()
    {
        var refused = Assert.Single(SchoolCsv.Read(Header + ",1,x,y\n").Refused);

        Assert.Equal(4, refused.Reasons.Count);
    }

    [Fact]
    public void A_URN_a_name_or_a_lead_repeated_in_the_file_is_refused_after_its_first_row()
    {
        var file = SchoolCsv.Read(Header +
            "Ash,100001,head@ash.example,dsl@ash.example\n" +
            "Ash again,100001,head@ash.example,other@ash.example\n" +
            "ASH,100003,head@ash.example,third@ash.example\n" +
            "Birch,100004,head@birch.example,DSL@ash.example\n");

        Assert.Equal("Ash", Assert.Single(file.Rows).Name);
        Assert.Equal([3, 4, 5], file.Refused.Select(r => r.Row));
        Assert.Contains("The URN 100001 is repeated: row 2 has it too", file.Refused[0].Reasons);
        Assert.Contains("The name is repeated: row 2 has a school of the same name", file.Refused[1].Reasons);
        Assert.Contains(file.Refused[2].Reasons, r => r.Contains("designated safeguarding lead on row 2 too", StringComparison.Ordinal));
    }

    [Fact]
    public void A_quoted_field_may_hold_a_line_break_and_rows_are_numbered_by_their_first_line()
    {
        var file = SchoolCsv.Read(Header + "\"Ash\nPrimary\",100001,head@ash.example,dsl@ash.example\nOak,1,head@oak.example,dsl@oak.example\n");

        Assert.Equal("Ash\nPrimary", Assert.Single(file.Rows).Name);
        Assert.Equal(4, Assert.Single(file.Refused).Row);
    }

    [Fact]
    public void Five_hundred_schools_are_read()
    {
        var text = Header + string.Concat(Enumerable.Range(0, 500).Select(i => $"School {i},{100000 + i},head{i}@s.example,dsl{i}@s.example\n"));

        Assert.Equal(500, SchoolCsv.Read(text).Rows.Count);
    }

    private static SchoolFile File(params string[] rows) => SchoolCsv.Read(Header + string.Join('\n', rows));

    [Fact]
    public void A_school_is_matched_by_URN_never_by_name()
    {
        var ash = Guid.NewGuid();
        var plan = SchoolImportPlan.Make(
            File("Ash Primary,100001,head@ash.example,dsl@ash.example", "Birch,100002,head@birch.example,dsl@birch.example", "Cedar,100003,head@cedar.example,dsl@cedar.example"),
            [new KnownSchool(ash, "Ash School", "100001", AgencyKind.School, "old@ash.example", InPartnership: true, InOtherPartnerships: false),
             new KnownSchool(Guid.NewGuid(), "Birch", "100002", AgencyKind.School, "head@birch.example", InPartnership: false, InOtherPartnerships: true),
             new KnownSchool(Guid.NewGuid(), "Cedar", "100003", AgencyKind.School, "old@cedar.example", InPartnership: true, InOtherPartnerships: true)],
            [],
            []);

        Assert.Equal([SchoolAction.Update, SchoolAction.Join, SchoolAction.Unchanged], plan.Schools.Select(s => s.School));
        Assert.Equal(ash, plan.Schools[0].ExistingId);
        Assert.All(plan.Schools, s => Assert.Equal(LeadAction.InviteNew, s.Lead));
    }

    [Fact]
    public void A_school_of_the_partnership_with_the_same_details_and_lead_changes_nothing()
    {
        var ash = Guid.NewGuid();
        var plan = SchoolImportPlan.Make(
            File("Ash,100001,head@ash.example,dsl@ash.example"),
            [new KnownSchool(ash, "Ash", "100001", AgencyKind.School, "head@ash.example", true, false)],
            [("Ash", "100001")],
            [new KnownPerson("DSL@ash.example", "u1", Role.AgencyLead, ash)]);

        Assert.True(Assert.Single(plan.Schools).ChangesNothing);
    }

    [Fact]
    public void A_new_school_may_not_take_another_agencys_name()
    {
        var plan = SchoolImportPlan.Make(File("Northshire Police,100001,head@a.example,dsl@a.example"), [], [("Northshire Police", null)], []);

        Assert.Empty(plan.Schools);
        Assert.Contains("Another agency is already called Northshire Police", Assert.Single(Assert.Single(plan.Refused).Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void A_URN_of_an_agency_that_is_not_a_school_is_refused()
    {
        var plan = SchoolImportPlan.Make(File("Ash,100001,head@a.example,dsl@a.example"), [new KnownSchool(Guid.NewGuid(), "Northshire Police", "100001", AgencyKind.Police, null, true, false)], [], []);

        Assert.Contains("which is not a school", Assert.Single(Assert.Single(plan.Refused).Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void A_lead_with_another_role_in_the_partnership_is_refused_and_one_without_is_given_the_role()
    {
        var plan = SchoolImportPlan.Make(
            File("Ash,100001,head@a.example,manager@northshire.example", "Birch,100002,head@b.example,elsewhere@b.example"),
            [],
            [],
            [new KnownPerson("manager@northshire.example", "u1", Role.BusinessUnit, null), new KnownPerson("elsewhere@b.example", "u2", null, null)]);

        Assert.Equal(2, Assert.Single(plan.Refused).Row);
        Assert.Equal(LeadAction.GiveRole, Assert.Single(plan.Schools).Lead);
    }

    [Fact]
    public void Refused_rows_of_the_file_and_of_the_match_are_reported_together_in_row_order()
    {
        var plan = SchoolImportPlan.Make(File("Northshire Police,100001,head@a.example,dsl@a.example", "Bad,1,head@b.example,dsl@b.example"), [], [("Northshire Police", null)], []);

        Assert.Equal([2, 3], plan.Refused.Select(r => r.Row));
    }

    [Theory]
    [InlineData("123456", true)]
    [InlineData("1234567", true)]
    [InlineData("12345", false)]
    [InlineData("12345678", false)]
    [InlineData("12345a", false)]
    [InlineData(null, false)]
    public void A_URN_is_six_or_seven_digits(string? urn, bool valid) =>
        Assert.Equal(valid, SchoolUrn.IsValid(urn));
}
