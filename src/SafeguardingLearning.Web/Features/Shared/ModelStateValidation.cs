using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SafeguardingLearning.Web.Features.Shared;

public static class ModelStateValidation
{
    /// <summary>
    /// Copies a validator's errors into ModelState; true when there were none. Every form passes
    /// here (<see cref="FormSubmission"/> too), so the checks every text box needs are made here
    /// once: a value typed with a control character is refused on its field, with what was typed
    /// kept, rather than failing when it is saved.
    /// </summary>
    public static bool CopyFrom(this ModelStateDictionary modelState, ValidationResult result, string? prefix = null)
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(prefix is null ? error.PropertyName : $"{prefix}.{error.PropertyName}", error.ErrorMessage);
        }

        RefuseControlCharacters(modelState);
        return result.IsValid && modelState.IsValid;
    }

    /// <summary>Marks every submitted value holding a control character (tab and line breaks aside).</summary>
    public static void RefuseControlCharacters(this ModelStateDictionary modelState)
    {
        var refused = modelState
            .Where(entry => entry.Value?.RawValue switch
            {
                string one => TextRules.HasControlCharacter(one),
                string[] many => many.Any(TextRules.HasControlCharacter),
                _ => false,
            })
            .Where(entry => entry.Value!.Errors.All(e => e.ErrorMessage != TextRules.ControlCharacterMessage))
            .Select(entry => entry.Key)
            .ToList();
        foreach (var key in refused)
        {
            modelState.AddModelError(key, TextRules.ControlCharacterMessage);
        }
    }
}
