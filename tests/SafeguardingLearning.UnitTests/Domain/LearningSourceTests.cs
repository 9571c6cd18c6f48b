using SafeguardingLearning.Web.Domain.Learning;

namespace SafeguardingLearning.UnitTests.Domain;

public class LearningSourceTests
{
    private sealed class FakeKind(string kind) : ILearningSourceKind
    {
        public List<IReadOnlyCollection<Guid>> Asked { get; } = [];

        public string Kind => kind;

        public string Describe => kind;

        public Task<IReadOnlyDictionary<Guid, LearningSourceSummary>> DescribeAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
        {
            Asked.Add(ids);
            return Task.FromResult<IReadOnlyDictionary<Guid, LearningSourceSummary>>(ids.Skip(1).ToDictionary(id => id, id => new LearningSourceSummary($"{kind} {id}", $"/{kind}/{id}")));
        }
    }

    [Fact]
    public async Task Sources_are_named_by_their_kind_once_per_kind_and_one_that_cannot_be_found_says_so()
    {
        var reviews = new FakeKind(LearningSource.Review);
        var audits = new FakeKind("audit");
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        var named = await new LearningSources([reviews, audits]).DescribeAsync(
            [new(LearningSource.Review, a), new(LearningSource.Review, b), new(LearningSource.Review, b), new("audit", c), new("unknown", c)]);

        Assert.Equal([a, b], Assert.Single(reviews.Asked));
        Assert.Equal([c], Assert.Single(audits.Asked));
        Assert.Equal("Unknown source", named[new(LearningSource.Review, a)].Name);
        Assert.Equal($"/review/{b}", named[new(LearningSource.Review, b)].Link);
        Assert.Null(named[new("unknown", c)].Link);
        Assert.Equal(4, named.Count);
    }
}
