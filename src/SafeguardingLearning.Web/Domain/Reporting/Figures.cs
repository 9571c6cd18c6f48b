namespace SafeguardingLearning.Web.Domain.Reporting;

/// <summary>
/// One number a partnership reports for a period, with what it counts said in words and the page
/// listing the records it counts. Figures are read from the records, never typed in.
/// </summary>
/// <param name="Key">Stable across releases ("rapid-reviews.within-15-working-days"): tests and frozen reports find a figure by it.</param>
/// <param name="Label">What is counted, said so that it stands alone: "Rapid reviews completed within 15 working days".</param>
/// <param name="Value">The count (or measure) itself.</param>
/// <param name="Link">The signed-in page listing exactly the records counted, relative to the service's address; null where there is none.</param>
/// <param name="OutOf">The whole the value is part of ("4 of 5"), when it is one.</param>
/// <param name="LinkPolicy">The access policy the linked page requires (<c>AccessPolicies</c>); the link is shown only to people it lets in.</param>
public sealed record Figure(string Key, string Label, decimal Value, string? Link = null, decimal? OutOf = null, string? LinkPolicy = null);

/// <summary>
/// A record a section names rather than counts: a review and its learning, a theme and where it
/// recurred, an audit and its findings. <paramref name="Text"/> is plain text.
/// </summary>
public sealed record FigureItem(string Title, string Text, string? Link = null, string? LinkPolicy = null);

/// <summary>One point of a chart: a quarter's value.</summary>
public sealed record ChartPoint(string Label, decimal Value);

/// <summary>A measure over time, drawn as a chart with a table beside it.</summary>
public sealed record FigureChart(string Title, string Unit, IReadOnlyList<ChartPoint> Points, decimal? Target = null, string? Link = null, string? LinkPolicy = null);

/// <summary>
/// What one capability reports for a period, under one heading: its figures, the records it names
/// and its charts. The board's dashboard and the yearly report print the sections of every
/// registered <see cref="IFigureSource"/> in <see cref="Order"/>, naming no capability themselves.
/// </summary>
/// <param name="Key">Stable across releases ("rapid-reviews"); a yearly report's checklist and frozen copy refer to it.</param>
/// <param name="Order">Where the section comes in the report: lower first.</param>
public sealed record FigureSection(
    string Key,
    string Heading,
    int Order,
    IReadOnlyList<Figure> Figures,
    IReadOnlyList<FigureItem> Items,
    IReadOnlyList<FigureChart> Charts)
{
    public Figure? Find(string key) => Figures.FirstOrDefault(f => f.Key == key);
}

/// <summary>
/// A capability's figures for a reporting year. Each capability registers one (or more) in its own
/// <c>Add&lt;Capability&gt;()</c>; sources read within the request's partnership scope, so a source
/// never sees another partnership's records.
/// </summary>
public interface IFigureSource
{
    Task<FigureSection> ReadAsync(ReportingYear year, DateOnly today, CancellationToken cancellationToken = default);
}

/// <summary>Every registered capability's figures for a year, in report order.</summary>
public sealed class YearFigures(IEnumerable<IFigureSource> sources)
{
    public async Task<List<FigureSection>> AllAsync(ReportingYear year, DateOnly today, CancellationToken cancellationToken = default)
    {
        var sections = new List<FigureSection>();
        foreach (var source in sources)
        {
            sections.Add(await source.ReadAsync(year, today, cancellationToken));
        }

        return [.. sections.OrderBy(s => s.Order).ThenBy(s => s.Key, StringComparer.Ordinal)];
    }
}

/// <summary>The records one figure source reads; a saved change to any of them makes stored figures stale.</summary>
public sealed record FigureInputs(IReadOnlyCollection<Type> EntityTypes);
