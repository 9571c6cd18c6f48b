namespace SafeguardingLearning.Web.Domain.Learning;

/// <summary>
/// Where a piece of learning, an action plan or a dissemination comes from: a kind of record, named by
/// the capability that owns it, and the record's id. A review's findings are ("review", the review's
/// id); audits, Section 11 improvement plans, highlight reports, data returns and the board itself add
/// their own kinds without changing this type. Records store the two parts as plain columns
/// (SourceKind, SourceId) and expose them as one value.
/// </summary>
public readonly record struct LearningSource(string Kind, Guid Id)
{
    /// <summary>A review's findings and recommendations (Working Together 2023, chapter 5).</summary>
    public const string Review = "review";

    /// <summary>The partnership's board, acting on its own account: the source id is the partnership's.</summary>
    public const string Board = "board";

    public const int KindMaxLength = 40;

    public override string ToString() => $"{Kind}:{Id}";
}

/// <summary>What people read for a source: its name and where it is, if the reader may open it.</summary>
public sealed record LearningSourceSummary(string Name, string? Link);

/// <summary>
/// One kind of learning source, registered by the capability that owns it (as deadline sources are):
/// it names its records for pages and exports, in one query for any number of them, and only those the
/// reader's partnership holds (the data layer's filters apply).
/// </summary>
public interface ILearningSourceKind
{
    string Kind { get; }

    /// <summary>The kind in words, for filters and headings ("Case review").</summary>
    string Describe { get; }

    Task<IReadOnlyDictionary<Guid, LearningSourceSummary>> DescribeAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default);
}

/// <summary>Every registered source kind; a source of a kind not registered reads as "Unknown source".</summary>
public sealed class LearningSources(IEnumerable<ILearningSourceKind> kinds)
{
    private readonly Dictionary<string, ILearningSourceKind> _byKind = kinds.ToDictionary(k => k.Kind, StringComparer.Ordinal);

    public IReadOnlyCollection<ILearningSourceKind> Kinds => _byKind.Values;

    /// <summary>Names the given sources, one query per kind present.</summary>
    public async Task<IReadOnlyDictionary<LearningSource, LearningSourceSummary>> DescribeAsync(IEnumerable<LearningSource> sources, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<LearningSource, LearningSourceSummary>();
        foreach (var group in sources.Distinct().GroupBy(s => s.Kind, StringComparer.Ordinal))
        {
            var named = _byKind.TryGetValue(group.Key, out var kind)
                ? await kind.DescribeAsync([.. group.Select(s => s.Id)], cancellationToken)
                : new Dictionary<Guid, LearningSourceSummary>();
            foreach (var source in group)
            {
                result[source] = named.TryGetValue(source.Id, out var summary) ? summary : new LearningSourceSummary("Unknown source", null);
            }
        }

        return result;
    }
}
