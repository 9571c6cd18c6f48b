using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.UnitTests.Domain;

public class DeadlineContractTests
{
    private static readonly WorkingDayCalendar Calendar = new([new(2026, 12, 25), new(2035, 12, 25)]);

    private sealed class FixedSource(params Deadline[] deadlines) : IDeadlineSource
    {
        public Task<IReadOnlyList<Deadline>> OpenAsync(WorkingDayCalendar calendar, DateOnly today, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<Deadline>>(deadlines);
    }

    private static Deadline Due(DateOnly on, string caseName = "Child A") =>
        new(Guid.NewGuid(), Guid.NewGuid(), caseName, "Test", Guid.NewGuid(), "A step", on, new DeadlineOwner(Role.BusinessUnit), "/x");

    [Fact]
    public async Task Every_registered_sources_deadlines_are_read_soonest_first_and_those_past_the_calendar_are_shown_as_such()
    {
        var late = Due(new(2036, 1, 7));
        var soon = Due(new(2027, 1, 4));
        var open = new OpenDeadlines([new FixedSource(late), new FixedSource(soon)]);

        var all = await open.AllAsync(Calendar, new(2026, 12, 1));

        Assert.Equal([soon.SubjectId, late.SubjectId], all.Select(d => d.SubjectId));
        Assert.Equal([false, true], all.Select(d => DeadlineBoard.Row(d, Calendar, new(2026, 12, 1)).BeyondCalendar));
    }

    [Theory]
    [InlineData(2034, 12, 31, false)]
    [InlineData(2035, 1, 1, true)]
    public void The_calendar_says_a_year_ahead_that_it_runs_out(int year, int month, int day, bool warned)
    {
        Assert.Equal(2026, Calendar.FirstYear);
        Assert.Equal(2035, Calendar.LastYear);
        Assert.Equal(warned, Calendar.RunsOutWithinAYearOf(new DateOnly(year, month, day)));
        Assert.False(Calendar.Covers(new(2036, 1, 2)));
        Assert.True(Calendar.Covers(new(2035, 12, 31)));
    }

    [Fact]
    public void An_open_review_owes_its_completion_its_final_report_and_its_publication_to_the_business_unit()
    {
        var review = new CaseReview(Guid.NewGuid(), ReviewKind.LocalChildSafeguardingPracticeReview, "Child B", new(2026, 6, 1), null, new(2026, 6, 1));

        var open = review.OpenDeadlines(Calendar).ToList();

        var completion = Assert.Single(open);
        Assert.Equal((CaseReview.CompletionKind, new DateOnly(2026, 12, 1), true), (completion.Kind, completion.DueOn, completion.Statutory));
        Assert.Equal(new DeadlineOwner(Role.BusinessUnit), completion.Owner);
    }
}
