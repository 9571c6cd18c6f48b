using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.ReviewChronology;

/// <summary>One entry of the chronology, as typed.</summary>
public sealed class ChronologyEntryForm
{
    public DateParts HappenedOn { get; set; } = new();

    public Guid? AgencyId { get; set; }

    public string? WhatHappened { get; set; }

    public string? Source { get; set; }

    /// <summary>The entry's version when the form was shown (editing).</summary>
    public string? Version { get; set; }

    /// <summary>Made when the form was shown, so that submitting it twice adds one entry (adding).</summary>
    public Guid? SubmissionKey { get; set; }

    public static ChronologyEntryForm From(ChronologyEntry entry, string? version) => new()
    {
        HappenedOn = DateParts.From(entry.HappenedOn),
        AgencyId = entry.AgencyId,
        WhatHappened = entry.WhatHappened,
        Source = entry.Source,
        Version = version,
    };
}

public sealed class ChronologyEntryFormValidator : AbstractValidator<ChronologyEntryForm>
{
    public ChronologyEntryFormValidator()
    {
        RuleFor(f => f.HappenedOn).MustBeADate("the date it happened");
        RuleFor(f => f.AgencyId).NotEmpty().WithMessage("Choose the agency");
        RuleFor(f => f.WhatHappened).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter what happened")
            .Must(t => t is null || TextLength.Of(t) <= ChronologyEntry.WhatHappenedMaxLength).WithMessage("What happened must be 4,000 characters or fewer");
        RuleFor(f => f.Source).Must(t => t is null || TextLength.Of(t) <= ChronologyEntry.SourceMaxLength).WithMessage("The source must be 200 characters or fewer");
    }
}

/// <summary>Which entries the chronology shows, and in which order.</summary>
public sealed class ChronologyFilter
{
    public Guid? Agency { get; set; }

    /// <summary>"newest" for the latest first; otherwise the earliest first, as a chronology is read.</summary>
    public string? Order { get; set; }

    public int? Page { get; set; }

    public bool NewestFirst => string.Equals(Order, "newest", StringComparison.Ordinal);

    public bool IsEmpty => Agency is null && !NewestFirst;
}

public sealed record ChronologyRow(Guid Id, DateOnly HappenedOn, Guid AgencyId, string WhatHappened, string? Source, string? AddedBy, DateTime AddedAt);

public sealed record ChronologyModel(
    Guid ReviewId,
    string Title,
    string KindName,
    bool IsOpen,
    ChronologyFilter Filter,
    Page<ChronologyRow> Rows,
    IReadOnlyDictionary<Guid, string> AgencyNames,
    IReadOnlyList<SelectListItem> AgencyChoices,
    bool CanAdd,
    bool CanChangeAny,
    Guid? OwnAgency,
    bool CanRemove)
{
    public static IReadOnlyList<SelectListItem> Orders { get; } =
    [
        new("Earliest first", "earliest"),
        new("Latest first", "newest"),
    ];

    public string AgencyName(Guid id) => AgencyNames.GetValueOrDefault(id, "Another agency");

    /// <summary>How many entries are shown, in words: "1 entry", "12 entries", "Showing 51 to 60 of 60 entries".</summary>
    public string CountText => Rows.Total switch
    {
        0 => Filter.Agency is { } agency ? $"No entries from {AgencyName(agency)} yet." : "No entries yet.",
        1 => $"1 entry, {OrderText}.",
        _ when Rows.FirstRow == 1 && Rows.LastRow == Rows.Total => $"{Rows.Total} entries, {OrderText}.",
        _ => $"Showing {Rows.FirstRow} to {Rows.LastRow} of {Rows.Total} entries, {OrderText}.",
    };

    private string OrderText => Filter.NewestFirst ? "latest first" : "earliest first";

    public bool CanChange(ChronologyRow row) => IsOpen && (CanChangeAny || row.AgencyId == OwnAgency);

    /// <summary>The query string of the current filter, for the CSV and print links.</summary>
    public object RouteValues => new { id = ReviewId, agency = Filter.Agency, order = Filter.NewestFirst ? "newest" : null };
}

public sealed record ChronologyPrintModel(Guid ReviewId, string Title, string KindName, string? AgencyName, bool NewestFirst, IReadOnlyList<ChronologyRow> Rows, IReadOnlyDictionary<Guid, string> AgencyNames, DateTime PrintedAt)
{
    public string NameOf(Guid id) => AgencyNames.GetValueOrDefault(id, "Another agency");
}

public sealed record ChronologyEntryModel(
    Guid ReviewId,
    Guid? EntryId,
    string Title,
    ChronologyEntryForm Form,
    IReadOnlyList<SelectListItem> Agencies,
    string? OwnAgencyName,
    IReadOnlyList<ChangedField> Changed);

public sealed record RemoveEntryModel(Guid ReviewId, Guid EntryId, string Title, string AgencyName, DateOnly HappenedOn, string WhatHappened, string? Version);

public sealed record AgencyReviewRow(Guid Id, string Title, ReviewKind Kind, ReviewStage Stage, int OwnEntries);
