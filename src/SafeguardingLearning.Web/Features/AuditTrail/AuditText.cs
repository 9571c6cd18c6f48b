using System.Text.Json;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Scheduling;

namespace SafeguardingLearning.Web.Features.AuditTrail;

public static class AuditText
{
    public static string Describe(AuditAction action) => action switch
    {
        AuditAction.Created => "Created",
        AuditAction.Changed => "Changed",
        AuditAction.Deleted => "Deleted",
        AuditAction.Viewed => "Viewed",
        AuditAction.SignedIn => "Signed in:",
        AuditAction.SignInFailed => "Failed sign-in:",
        AuditAction.LockedOut => "Locked out:",
        AuditAction.SignedOut => "Signed out:",
        AuditAction.TwoFactorEnabled => "Two-factor turned on:",
        AuditAction.TwoFactorReset => "Two-factor reset:",
        AuditAction.TwoFactorFailed => "Wrong two-factor code:",
        AuditAction.PasswordSet => "Password set:",
        AuditAction.AccessDenied => "Access refused:",
        AuditAction.PartnershipSwitched => "Switched partnership:",
        AuditAction.Invited => "Invited:",
        AuditAction.Downloaded => "Downloaded",
        AuditAction.NotFound => "Not found (or not theirs):",
        _ => action.ToString(),
    };

    /// <summary>A field an entry recorded: a change has two values (old, new); a new or deleted record or an event has one.</summary>
    public sealed record RecordedField(string Name, bool IsChange, IReadOnlyList<JsonElement> Values);

    /// <summary>The fields an entry recorded, in the order recorded; a detail that is not a JSON object reads as one "Details" field.</summary>
    public static IReadOnlyList<RecordedField> Fields(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [new RecordedField("Details", false, [document.RootElement.Clone()])];
            }

            return document.RootElement.EnumerateObject().Select(field =>
                field.Value is { ValueKind: JsonValueKind.Object } change && change.TryGetProperty("from", out var from) && change.TryGetProperty("to", out var to)
                    ? new RecordedField(field.Name, true, [from.Clone(), to.Clone()])
                    : new RecordedField(field.Name, false, [field.Value.Clone()])).ToList();
        }
        catch (JsonException)
        {
            return [new RecordedField("Details", false, [JsonSerializer.SerializeToElement(json)])];
        }
    }

    /// <summary>The names of the fields an entry recorded, without their values; nothing when it recorded no fields.</summary>
    public static IReadOnlyList<string> FieldNames(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().Select(field => field.Name).ToList()
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>
    /// Who did it: the person's name, or which automatic step (a scheduled job as the jobs page names
    /// it, or a task run at start-up). Entries written before steps were recorded by name say so.
    /// </summary>
    public static string Who(string? userId, string? personName) => personName ?? (userId switch
    {
        null => "An automatic step (which one was not recorded)",
        CurrentScope.SystemActorPrefix + DeadlineSweepJob.Id => "The deadline check",
        CurrentScope.SystemActorPrefix + EmailDeliveryJob.Id => "The email delivery",
        CurrentScope.SystemActorPrefix + QuarterlyCycleJob.Id => "The quarterly cycle",
        CurrentScope.SystemActorPrefix + AuditAnchorJob.Id => "The audit anchor",
        CurrentScope.SystemActorPrefix + SystemActors.Migrations => "The database upgrade, at start-up",
        CurrentScope.SystemActorPrefix + SystemActors.ShippedBankHolidays => "The shipped bank holidays, at start-up",
        CurrentScope.SystemActorPrefix + SystemActors.DefaultThemes => "The default themes, at start-up",
        CurrentScope.SystemActorPrefix + SystemActors.DemoData => "The demo data, at start-up",
        CurrentScope.SystemActorPrefix + SystemActors.FirstAdministrator => "The first administrator's set-up, at start-up",
        _ when userId.StartsWith(CurrentScope.SystemActorPrefix, StringComparison.Ordinal) => $"The {Words(userId[CurrentScope.SystemActorPrefix.Length..]).ToLowerInvariant()}",
        _ => "A person whose account has been removed",
    });

    /// <summary>A code name in words: "IsActive" reads "Is active", "deadline-sweep" reads "Deadline sweep".</summary>
    public static string Words(string name)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is '-' or '_')
            {
                text.Append(' ');
            }
            else if (i > 0 && char.IsUpper(c) && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
            {
                text.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(i == 0 ? char.ToUpperInvariant(c) : c);
            }
        }

        return text.ToString();
    }
}
