namespace SafeguardingLearning.Web.Domain.DataReturns;

public enum DataReturnState
{
    Draft,
    Submitted,
}

/// <summary>Where a business unit's query on a value stands.</summary>
public enum ValueQueryState
{
    None,
    Open,
    Answered,
}

public enum ValueChangeKind
{
    /// <summary>The value as the agency submitted it.</summary>
    Submitted,

    /// <summary>The business unit asked about the value.</summary>
    Queried,

    /// <summary>The agency answered the query and kept the value.</summary>
    Answered,

    /// <summary>The agency answered the query with a corrected value.</summary>
    Corrected,
}

/// <summary>
/// The story behind the data, in four parts: what the data shows, why, what worries us, and what we
/// are doing about it — the outcomes-based accountability way of turning numbers into a conversation.
/// </summary>
public sealed record DataStory(string? Shows, string? Why, string? Worries, string? Doing);

/// <summary>A value as the agency typed it: the number (none is not yet entered) and whether they ticked that they checked a value outside the expected range.</summary>
public sealed record EnteredValue(decimal? Value, bool Checked);

public static class DataReturnStates
{
    public static string Describe(DataReturnState? state) => state switch
    {
        null => "Not started",
        DataReturnState.Draft => "In progress",
        _ => "Submitted",
    };
}

/// <summary>
/// One partner agency's quarterly return to one partnership: the values of the indicators the agency
/// owns, and the story behind them. Draft until the agency submits it; the business unit may then
/// query a value, which the agency answers or corrects (each step kept in the value's history); once
/// the quarter is locked nothing changes. It belongs to its agency and partnership: another agency's
/// lead and another partnership never see it.
/// </summary>
public class DataReturn : IPartnershipOwned, IAgencyOwned, IHiddenFromReviewers, IVersioned
{
    public const int StoryMaxLength = 4000;

    private readonly List<DataValue> _values = [];

    private DataReturn()
    {
        CreatedByUserId = string.Empty;
    }

    private DataReturn(Guid partnershipId, Guid agencyId, FinancialQuarter quarter, string userId, DateTime now)
        : this()
    {
        Id = Guid.NewGuid();
        PartnershipId = partnershipId;
        AgencyId = agencyId;
        Quarter = quarter.Key;
        CreatedByUserId = userId;
        CreatedAt = now;
        State = DataReturnState.Draft;
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>The financial quarter's <see cref="FinancialQuarter.Key"/>.</summary>
    public int Quarter { get; private set; }

    public DataReturnState State { get; private set; }

    public string? StoryShows { get; private set; }

    public string? StoryWhy { get; private set; }

    public string? StoryWorries { get; private set; }

    public string? StoryDoing { get; private set; }

    public string CreatedByUserId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? SubmittedAt { get; private set; }

    public string? SubmittedByUserId { get; private set; }

    public IReadOnlyCollection<DataValue> Values => _values;

    public FinancialQuarter OfQuarter => FinancialQuarter.FromKey(Quarter);

    public bool IsEditable => State == DataReturnState.Draft;

    public DataStory Story => new(StoryShows, StoryWhy, StoryWorries, StoryDoing);

    public static DataReturn Start(Guid partnershipId, Guid agencyId, FinancialQuarter quarter, string userId, DateTime now, DateOnly today)
    {
        if (quarter.Starts > today)
        {
            throw new DomainRuleException($"{quarter.Name} has not started yet");
        }

        return new DataReturn(partnershipId, agencyId, quarter, userId, now);
    }

    /// <summary>
    /// Keeps what the agency entered as a draft. Only indicators the agency owns may be given a value
    /// (never another agency's, never one the product computes); each value must be one the
    /// indicator can take. A value outside the expected range is kept, unconfirmed unless ticked.
    /// </summary>
    public void Save(IReadOnlyDictionary<Guid, EnteredValue> values, DataStory story, IReadOnlyCollection<Indicator> ownIndicators, bool quarterLocked)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(ownIndicators);
        RequireEditable(quarterLocked);
        var own = ownIndicators.Where(i => i.OwningAgencyId == AgencyId && !i.IsComputed).ToDictionary(i => i.Id);
        var broken = new List<DomainRuleException>();
        foreach (var (indicatorId, entered) in values)
        {
            if (!own.TryGetValue(indicatorId, out var indicator))
            {
                broken.Add(new DomainRuleException("Enter values only for your own agency's indicators"));
                continue;
            }

            if (entered.Value is { } v && indicator.Refuses(v) is { } reason)
            {
                broken.Add(new DomainRuleException(reason, FieldOf(indicator)));
            }
        }

        broken.AddRange(CheckStory(story));
        DomainRuleException.ThrowIfAny(broken);
        foreach (var (indicatorId, entered) in values)
        {
            var indicator = own[indicatorId];
            var value = _values.FirstOrDefault(v => v.IndicatorId == indicatorId);
            if (value is null)
            {
                value = new DataValue(this, indicatorId);
                _values.Add(value);
            }

            value.Set(entered.Value, entered.Value is { } v && indicator.IsOutsideExpectedRange(v) && entered.Checked);
        }

        StoryShows = Clean(story.Shows);
        StoryWhy = Clean(story.Why);
        StoryWorries = Clean(story.Worries);
        StoryDoing = Clean(story.Doing);
    }

    /// <summary>
    /// Sends the return to the partnership: every indicator the agency owns has a value, each value
    /// outside its expected range is confirmed as checked, and the story behind the data says what
    /// the data shows and what the agency is doing. Each value's submission starts its history.
    /// </summary>
    public void Submit(IReadOnlyCollection<Indicator> ownIndicators, bool quarterLocked, string userId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(ownIndicators);
        RequireEditable(quarterLocked);
        var broken = new List<DomainRuleException>();
        foreach (var indicator in ownIndicators.Where(i => i.OwningAgencyId == AgencyId && !i.IsComputed).OrderBy(i => i.Order))
        {
            var value = _values.FirstOrDefault(v => v.IndicatorId == indicator.Id);
            if (value?.Value is not { } v)
            {
                broken.Add(new DomainRuleException($"Enter {indicator.Name.ToLowerInvariant()}", FieldOf(indicator)));
            }
            else if (indicator.IsOutsideExpectedRange(v) && !value.CheckedOutOfRange)
            {
                broken.Add(new DomainRuleException($"{indicator.Name} is outside the expected range: check it, then tick that you have checked it", FieldOf(indicator)));
            }
        }

        if (string.IsNullOrWhiteSpace(StoryShows))
        {
            broken.Add(new DomainRuleException("Enter what the data shows", nameof(StoryShows)));
        }

        if (string.IsNullOrWhiteSpace(StoryDoing))
        {
            broken.Add(new DomainRuleException("Enter what your agency is doing about it", nameof(StoryDoing)));
        }

        DomainRuleException.ThrowIfAny(broken);
        State = DataReturnState.Submitted;
        SubmittedAt = now;
        SubmittedByUserId = userId;
        foreach (var value in _values.Where(v => v.Value is not null))
        {
            value.Record(ValueChangeKind.Submitted, value.Value, null, userId, now);
        }
    }

    /// <summary>The business unit asks about a submitted value; the agency's leads answer it.</summary>
    public void Query(Guid indicatorId, string? question, bool quarterLocked, string userId, DateTime now)
    {
        RequireSubmittedAndOpen(quarterLocked);
        var value = _values.FirstOrDefault(v => v.IndicatorId == indicatorId && v.Value is not null)
            ?? throw new DomainRuleException("There is no value to query");
        var text = question?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            throw new DomainRuleException("Enter your question about the value", nameof(DataValue.Query));
        }

        if (text.Length > StoryMaxLength)
        {
            throw new DomainRuleException("The question must be 4,000 characters or fewer", nameof(DataValue.Query));
        }

        if (value.QueryState == ValueQueryState.Open)
        {
            throw new DomainRuleException("This value already has a question waiting for the agency's answer", nameof(DataValue.Query));
        }

        value.Ask(text, userId, now);
    }

    /// <summary>The agency answers a query: it keeps the value and explains, or gives a corrected one.</summary>
    public void Answer(Guid indicatorId, string? answer, decimal? corrected, Indicator indicator, bool quarterLocked, string userId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        RequireSubmittedAndOpen(quarterLocked);
        var value = _values.FirstOrDefault(v => v.IndicatorId == indicatorId && v.QueryState == ValueQueryState.Open)
            ?? throw new DomainRuleException("There is no question waiting for an answer on this value");
        var text = answer?.Trim() ?? string.Empty;
        var broken = new List<DomainRuleException>();
        if (text.Length == 0)
        {
            broken.Add(new DomainRuleException("Enter your answer to the question", nameof(DataValue.Answer)));
        }
        else if (text.Length > StoryMaxLength)
        {
            broken.Add(new DomainRuleException("The answer must be 4,000 characters or fewer", nameof(DataValue.Answer)));
        }

        if (corrected is { } c && indicator.Refuses(c) is { } reason)
        {
            broken.Add(new DomainRuleException(reason, nameof(DataValue.Value)));
        }

        DomainRuleException.ThrowIfAny(broken);
        value.Reply(text, corrected, userId, now);
    }

    public static string FieldOf(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return $"Values[{indicator.Code}]";
    }

    private void RequireEditable(bool quarterLocked)
    {
        if (quarterLocked)
        {
            throw new DomainRuleException($"{OfQuarter.Name} is locked: its returns can no longer be changed");
        }

        if (!IsEditable)
        {
            throw new DomainRuleException("This return has been submitted: it can no longer be changed");
        }
    }

    private void RequireSubmittedAndOpen(bool quarterLocked)
    {
        if (quarterLocked)
        {
            throw new DomainRuleException($"{OfQuarter.Name} is locked: its returns can no longer be changed");
        }

        if (State != DataReturnState.Submitted)
        {
            throw new DomainRuleException("This return has not been submitted yet");
        }
    }

    private static IEnumerable<DomainRuleException> CheckStory(DataStory story)
    {
        foreach (var (text, field, what) in new[]
        {
            (story.Shows, nameof(StoryShows), "What the data shows"),
            (story.Why, nameof(StoryWhy), "Why"),
            (story.Worries, nameof(StoryWorries), "What worries you"),
            (story.Doing, nameof(StoryDoing), "What you are doing"),
        })
        {
            if ((text?.Trim().Length ?? 0) > StoryMaxLength)
            {
                yield return new DomainRuleException($"{what} must be 4,000 characters or fewer", field);
            }
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>One indicator's value in an agency's quarterly return, with the business unit's query on it, if any.</summary>
public class DataValue : IPartnershipOwned, IAgencyOwned, IHiddenFromReviewers
{
    private readonly List<DataValueChange> _history = [];

    private DataValue()
    {
    }

    internal DataValue(DataReturn dataReturn, Guid indicatorId)
    {
        Id = Guid.NewGuid();
        DataReturnId = dataReturn.Id;
        PartnershipId = dataReturn.PartnershipId;
        AgencyId = dataReturn.AgencyId;
        Quarter = dataReturn.Quarter;
        IndicatorId = indicatorId;
    }

    public Guid Id { get; private set; }

    public Guid DataReturnId { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>The return's quarter, repeated so values are read by indicator × quarter in one query.</summary>
    public int Quarter { get; private set; }

    public Guid IndicatorId { get; private set; }

    public decimal? Value { get; private set; }

    /// <summary>The agency ticked that it checked a value outside the indicator's expected range.</summary>
    public bool CheckedOutOfRange { get; private set; }

    public ValueQueryState QueryState { get; private set; }

    /// <summary>The business unit's latest question about the value.</summary>
    public string? Query { get; private set; }

    /// <summary>The agency's latest answer.</summary>
    public string? Answer { get; private set; }

    /// <summary>Every submission, query, answer and correction, oldest first; never changed once written.</summary>
    public IReadOnlyCollection<DataValueChange> History => _history;

    internal void Set(decimal? value, bool checkedOutOfRange)
    {
        Value = value;
        CheckedOutOfRange = checkedOutOfRange;
    }

    internal void Ask(string question, string userId, DateTime now)
    {
        Query = question;
        Answer = null;
        QueryState = ValueQueryState.Open;
        Record(ValueChangeKind.Queried, Value, question, userId, now);
    }

    internal void Reply(string answer, decimal? corrected, string userId, DateTime now)
    {
        Answer = answer;
        QueryState = ValueQueryState.Answered;
        if (corrected is { } c && c != Value)
        {
            Value = c;
            CheckedOutOfRange = true;
            Record(ValueChangeKind.Corrected, c, answer, userId, now);
        }
        else
        {
            Record(ValueChangeKind.Answered, Value, answer, userId, now);
        }
    }

    internal void Record(ValueChangeKind kind, decimal? value, string? note, string userId, DateTime now) =>
        _history.Add(new DataValueChange(this, kind, value, note, userId, now));
}

/// <summary>One step in a value's history: appended, never changed.</summary>
public class DataValueChange : IPartnershipOwned, IAgencyOwned, IHiddenFromReviewers
{
    private DataValueChange()
    {
        ByUserId = string.Empty;
    }

    internal DataValueChange(DataValue value, ValueChangeKind kind, decimal? newValue, string? note, string userId, DateTime now)
        : this()
    {
        Id = Guid.NewGuid();
        DataValueId = value.Id;
        PartnershipId = value.PartnershipId;
        AgencyId = value.AgencyId;
        Kind = kind;
        Value = newValue;
        Note = note;
        ByUserId = userId;
        At = now;
    }

    public Guid Id { get; private set; }

    public Guid DataValueId { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid AgencyId { get; private set; }

    public ValueChangeKind Kind { get; private set; }

    public decimal? Value { get; private set; }

    public string? Note { get; private set; }

    public string ByUserId { get; private set; }

    public DateTime At { get; private set; }

    public static string Describe(ValueChangeKind kind) => kind switch
    {
        ValueChangeKind.Submitted => "Submitted",
        ValueChangeKind.Queried => "Queried by the partnership",
        ValueChangeKind.Answered => "Answered by the agency",
        _ => "Corrected by the agency",
    };
}

/// <summary>
/// A quarter the business unit has locked: every return for it stands as it is, for the board's
/// reports. Locking is for the partnership's own quarter; the agencies' returns are read only after.
/// </summary>
public class QuarterLock : IPartnershipOwned
{
    private QuarterLock()
    {
        LockedByUserId = string.Empty;
    }

    public QuarterLock(Guid partnershipId, FinancialQuarter quarter, string userId, DateTime now, DateOnly today)
        : this()
    {
        if (quarter.Ends >= today)
        {
            throw new DomainRuleException($"{quarter.Name} has not ended yet: lock it once it has");
        }

        PartnershipId = partnershipId;
        Quarter = quarter.Key;
        LockedByUserId = userId;
        LockedAt = now;
    }

    public Guid PartnershipId { get; private set; }

    public int Quarter { get; private set; }

    public string LockedByUserId { get; private set; }

    public DateTime LockedAt { get; private set; }
}
