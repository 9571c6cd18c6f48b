using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain;

namespace SafeguardingLearning.Web.Features.Shared;

/// <summary>What one form changes, and how its errors are shown.</summary>
/// <param name="Prefix">The name the form's fields are bound under, like <c>Form</c> or <c>Forms.Meeting</c>.</param>
public sealed record FormStep(string Prefix)
{
    /// <summary>
    /// The id of a part of the page that is always there, which the error summary links to for a
    /// rule about the whole step rather than one field (the decision already signed off, say).
    /// Empty shows such a rule at the top, unlinked.
    /// </summary>
    public string Section { get; init; } = string.Empty;

    /// <summary>The form field a domain rule's field is typed into, where their names differ.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    /// <summary>The versioned record the form edits, if any: saved only if it still has <see cref="Version"/>.</summary>
    public IVersioned? Record { get; init; }

    /// <summary>The record's version when the form was shown (the form's hidden <c>Version</c> field).</summary>
    public string? Version { get; init; }

    /// <summary>The model state key a rule's field is shown against.</summary>
    public string KeyFor(string? ruleField) =>
        ruleField is null ? Section : $"{Prefix}.{Fields.GetValueOrDefault(ruleField, ruleField)}";
}

/// <summary>How a submitted form ended.</summary>
public enum FormOutcome
{
    /// <summary>Checked, applied and saved.</summary>
    Saved,

    /// <summary>The form's checks or a domain rule refused it: nothing saved, the errors are in ModelState.</summary>
    Refused,

    /// <summary>
    /// Someone else saved the record after the form was shown: nothing saved. Show the page again
    /// with what they saved, what this person typed, and the record's new version, so that saving
    /// again is a deliberate choice.
    /// </summary>
    Stale,
}

/// <summary>
/// The one way a form is handled: its own checks (FluentValidation), then the domain step, then one
/// save that is refused if the record changed since the form was shown. A refused form changes
/// nothing: the tracked changes are dropped, so the page can be shown again from the database with
/// what the person typed.
/// </summary>
public static class FormSubmission
{
    public const string StaleMessage = "Someone else saved a change to this while you were working on it. Nothing has been saved yet and what you entered is still here: check what they changed, then save again.";

    public static async Task<FormOutcome> Submit(this ModelStateDictionary modelState, AppDbContext db, FormStep form, ValidationResult validation, Func<Task> apply)
    {
        if (!modelState.CopyFrom(validation, form.Prefix))
        {
            return FormOutcome.Refused;
        }

        if (form.Record is { } shown && ConcurrencyTokens.Read(db.Entry(shown)) != form.Version)
        {
            // Already saved by someone else since the form was shown: refused before the step is
            // tried, so the person hears that first rather than a rule about the newer record.
            return Stale(modelState, db, form);
        }

        try
        {
            if (form.Record is { } record)
            {
                ConcurrencyTokens.Expect(db.Entry(record), form.Version);
            }

            await apply();
            if (form.Record is { } edited && db.Entry(edited) is { State: EntityState.Unchanged } entry)
            {
                // A step may change only the record's child rows (a finding added to a review): the
                // record itself is still written, so that its version is checked and renewed and a
                // second form shown from the same version is refused.
                entry.State = EntityState.Modified;
            }

            await db.SaveChangesAsync();
            return FormOutcome.Saved;
        }
        catch (DomainRuleException rule)
        {
            db.ChangeTracker.Clear();
            foreach (var broken in rule.All)
            {
                modelState.AddModelError(form.KeyFor(broken.Field), broken.Message);
            }

            return FormOutcome.Refused;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Saved by someone else between loading the record and saving it.
            return Stale(modelState, db, form);
        }
    }

    private static FormOutcome Stale(ModelStateDictionary modelState, AppDbContext db, FormStep form)
    {
        db.ChangeTracker.Clear();
        modelState.AddModelError(form.Section, StaleMessage);
        return FormOutcome.Stale;
    }

    /// <summary>The same, for a step that needs no checks of its own.</summary>
    public static Task<FormOutcome> Submit(this ModelStateDictionary modelState, AppDbContext db, FormStep form, Func<Task> apply) =>
        modelState.Submit(db, form, new ValidationResult(), apply);

    /// <summary>
    /// A create form, safe to submit twice: the form carries a key made when it was shown, saved in
    /// the same transaction as the record it creates. A second submission of the same form — a
    /// double click, a resent request, two at once — creates nothing and returns the first one's record.
    /// </summary>
    /// <param name="create">Adds the record (not saved) and returns its id.</param>
    /// <param name="clock">The clock the submission is dated by; by default the app's own.</param>
    public static async Task<(FormOutcome Outcome, Guid? RecordId)> CreateOnce(this ModelStateDictionary modelState, AppDbContext db, FormStep form, Guid? submissionKey, ValidationResult validation, Func<Task<Guid>> create, TimeProvider? clock = null)
    {
        clock ??= AppClock(db);
        if (submissionKey is { } known && await SubmittedForm.RecordFor(db, known) is { } already)
        {
            return (FormOutcome.Saved, already);
        }

        Guid? created = null;
        try
        {
            var outcome = await modelState.Submit(db, form, validation, async () =>
            {
                created = await create();
                db.Add(new SubmittedForm(submissionKey ?? Guid.NewGuid(), created.Value, clock.GetUtcNow().UtcDateTime));
            });
            return (outcome, outcome == FormOutcome.Saved ? created : null);
        }
        catch (DbUpdateException) when (submissionKey is { } key)
        {
            // The same form, submitted at the same moment, was saved by the other request.
            db.ChangeTracker.Clear();
            return await SubmittedForm.RecordFor(db, key) is { } first ? (FormOutcome.Saved, first) : throw new InvalidOperationException("A submission failed to save for another reason");
        }
    }

    /// <summary>The app's registered clock, reached through the services the context was made with.</summary>
    private static TimeProvider AppClock(AppDbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<TimeProvider>()
        ?? TimeProvider.System;
}

/// <summary>One field of a stale edit whose saved value differs from what the person entered.</summary>
public sealed record ChangedField(string Label, string Theirs, string Yours)
{
    /// <summary>The fields, given as label, saved value and entered value, that differ (blank and missing are the same).</summary>
    public static IReadOnlyList<ChangedField> Between(params (string Label, string? Theirs, string? Yours)[] fields) =>
        fields.Select(f => new ChangedField(f.Label, f.Theirs?.Trim() ?? string.Empty, f.Yours?.Trim() ?? string.Empty))
            .Where(f => !string.Equals(f.Theirs, f.Yours, StringComparison.Ordinal))
            .ToList();
}
