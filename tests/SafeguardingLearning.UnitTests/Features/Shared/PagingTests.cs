using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.UnitTests.Features.Shared;

public class PagingTests
{
    [Theory]
    [InlineData(1, 1, new[] { 1 })]
    [InlineData(1, 3, new[] { 1, 2, 3 })]
    [InlineData(1, 10, new[] { 1, 2, 0, 10 })]
    [InlineData(6, 10, new[] { 1, 0, 5, 6, 7, 0, 10 })]
    [InlineData(3, 10, new[] { 1, 2, 3, 4, 0, 10 })]
    [InlineData(10, 10, new[] { 1, 0, 9, 10 })]
    [InlineData(4, 7, new[] { 1, 2, 3, 4, 5, 6, 7 })]
    public void A_pagination_shows_the_first_and_last_pages_the_current_one_and_its_neighbours_with_ellipses_between(int current, int pages, int[] expected)
    {
        // 0 stands for an ellipsis; a single left-out page is shown rather than an ellipsis in its place.
        Assert.Equal(expected, Paging.Numbers(current, pages).Select(n => n ?? 0));
    }

    [Theory]
    [InlineData(null, 60, 1)]
    [InlineData(2, 60, 2)]
    [InlineData(0, 60, 1)]
    [InlineData(-4, 60, 1)]
    [InlineData(3, 60, 3)]
    [InlineData(4, 60, 3)]
    [InlineData(999, 60, 3)]
    [InlineData(2, 0, 1)]
    public void A_page_before_the_first_is_the_first_and_one_after_the_last_is_the_last(int? asked, int total, int shown)
    {
        Assert.Equal(shown, Paging.Number(asked, total, 25));
    }

    [Fact]
    public void A_page_knows_which_rows_of_the_list_it_holds()
    {
        var page = new Page<int>([26, 27, 28], 2, 25, 28);
        Assert.Equal((2, 26, 28), (page.Pages, page.FirstRow, page.LastRow));
        Assert.Equal((1, 0, 0), (new Page<int>([], 1, 25, 0).Pages, new Page<int>([], 1, 25, 0).FirstRow, new Page<int>([], 1, 25, 0).LastRow));
    }
}
