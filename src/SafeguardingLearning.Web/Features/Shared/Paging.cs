using Microsoft.EntityFrameworkCore;

namespace SafeguardingLearning.Web.Features.Shared;

/// <summary>
/// One page of a list: its rows, which page it is, and how many rows the whole list has. A list is
/// counted and cut in the database (a count, then Skip and Take after the order), so a page costs the
/// same whether the partnership has ten cases or ten years of them.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Number, int Size, int Total)
{
    /// <summary>How many pages the list fills; an empty list is one empty page.</summary>
    public int Pages => Math.Max(1, (Total + Size - 1) / Size);

    /// <summary>The position in the whole list of this page's first row, counting from 1 (0 when empty).</summary>
    public int FirstRow => Total == 0 ? 0 : ((Number - 1) * Size) + 1;

    /// <summary>The position in the whole list of this page's last row.</summary>
    public int LastRow => (Number - 1) * Size + Items.Count;

    public Page<TOut> Select<TOut>(Func<T, TOut> map) => new([.. Items.Select(map)], Number, Size, Total);
}

public static class Paging
{
    /// <summary>Rows on a page of a register or list.</summary>
    public const int PageSize = 25;

    /// <summary>The query string parameter that names the page.</summary>
    public const string Parameter = "page";

    /// <summary>
    /// The page asked for of an ordered query: a page before the first is the first, and a page after
    /// the last is the last (a link kept from when the list was longer still shows something).
    /// </summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> ordered, int? page, int size = PageSize, CancellationToken cancellationToken = default)
    {
        var total = await ordered.CountAsync(cancellationToken);
        return await ordered.ToPageOfAsync(page, total, size, cancellationToken);
    }

    /// <summary>
    /// The page asked for of an ordered query whose rows were already counted (with other counts, in
    /// one query): only the page's rows are read.
    /// </summary>
    public static async Task<Page<T>> ToPageOfAsync<T>(this IQueryable<T> ordered, int? page, int total, int size = PageSize, CancellationToken cancellationToken = default)
    {
        var number = Number(page, total, size);
        var items = total == 0 ? [] : await ordered.Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new Page<T>(items, number, size, total);
    }

    /// <summary>The page to show of a list of <paramref name="total"/> rows, when <paramref name="page"/> was asked for.</summary>
    public static int Number(int? page, int total, int size = PageSize)
    {
        var pages = Math.Max(1, (total + size - 1) / size);
        return Math.Clamp(page ?? 1, 1, pages);
    }

    /// <summary>
    /// The page numbers a pagination shows for page <paramref name="current"/> of <paramref name="pages"/>:
    /// the first, the last, the current one and its neighbours, with null where pages are left out
    /// (shown as an ellipsis), as the GOV.UK Design System's pagination component advises.
    /// </summary>
    public static IReadOnlyList<int?> Numbers(int current, int pages)
    {
        var shown = new SortedSet<int> { 1, pages, current, current - 1, current + 1 };
        shown.RemoveWhere(n => n < 1 || n > pages);
        var numbers = new List<int?>();
        var previous = 0;
        foreach (var n in shown)
        {
            if (n == previous + 2)
            {
                numbers.Add(previous + 1);
            }
            else if (n > previous + 2)
            {
                numbers.Add(null);
            }

            numbers.Add(n);
            previous = n;
        }

        return numbers;
    }
}
