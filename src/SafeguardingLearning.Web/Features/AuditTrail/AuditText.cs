using System.Text.Json;
using SafeguardingLearning.Web.Domain.Audit;

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

    /// <summary>
    /// The recorded details as lines people read: "Name: Old → New" for a change, "Name: value"
    /// for a new or deleted record or an event.
    /// </summary>
    public static IReadOnlyList<string> DescribeChanges(string? json)
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
                return [json];
            }

            return document.RootElement.EnumerateObject().Select(field =>
                field.Value is { ValueKind: JsonValueKind.Object } change && change.TryGetProperty("from", out var from) && change.TryGetProperty("to", out var to)
                    ? $"{field.Name}: {Value(from)} → {Value(to)}"
                    : $"{field.Name}: {Value(field.Value)}").ToList();
        }
        catch (JsonException)
        {
            return [json];
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

    private static string Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "(none)",
        JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : "(empty)",
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        _ => value.GetRawText(),
    };
}
