using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SafeguardingLearning.Web.Operations;

/// <summary>
/// What was too large about a form that could not be read, in words, and where the person goes
/// back to. The framework refuses a form over its limits (a box of more than 4,194,304
/// characters, more than 1,024 fields, a body over the server's limit) by throwing while the form
/// is read, which left the person with no page at all.
/// </summary>
public sealed record TooLargeForm(int Status, string What, string Back)
{
    /// <summary>Where the request keeps what was too large, for the error page.</summary>
    public const string ItemKey = "SafeguardingLearning.TooLargeForm";

    public static readonly TooLargeForm Unknown = new(StatusCodes.Status413PayloadTooLarge, "it was larger than the service accepts", "/");

    /// <summary>Whether the form was refused for its size rather than for what it holds.</summary>
    public static bool IsOverALimit(InvalidDataException error) =>
        error.Message.Contains("limit", StringComparison.OrdinalIgnoreCase);

    /// <summary>The sentence for an exception thrown while reading a form, or null when it is something else.</summary>
    public static TooLargeForm? Describe(Exception error, string back = "/") =>
        error switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new(StatusCodes.Status413PayloadTooLarge, "all it held together, files included, was larger than the service accepts", back),
            InvalidDataException invalid when invalid.Message.Contains("value count limit", StringComparison.OrdinalIgnoreCase) =>
                new(StatusCodes.Status413PayloadTooLarge, $"it had more than {new FormOptions().ValueCountLimit.ToString("N0", CultureInfo.InvariantCulture)} fields", back),
            InvalidDataException invalid when invalid.Message.Contains("value length limit", StringComparison.OrdinalIgnoreCase) =>
                new(StatusCodes.Status413PayloadTooLarge, $"a box held more than {new FormOptions().ValueLengthLimit.ToString("N0", CultureInfo.InvariantCulture)} characters", back),
            InvalidDataException invalid when invalid.Message.Contains("key length limit", StringComparison.OrdinalIgnoreCase) =>
                new(StatusCodes.Status413PayloadTooLarge, "the name of one of its fields was too long", back),
            InvalidDataException invalid when invalid.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase) =>
                new(StatusCodes.Status413PayloadTooLarge, "a file it held was larger than the service accepts", back),
            InvalidDataException => new(StatusCodes.Status400BadRequest, "it could not be read", back),
            ValueProviderException or AntiforgeryValidationException when error.InnerException is { } inner => Describe(inner, back),
            _ => null,
        };
}

/// <summary>
/// Reads every submitted form before anything else does, so that a form over the limits is
/// answered with a page saying what was too large (status 413, or 400 for one that cannot be read
/// at all), shown by the error pages, instead of an exception half way through the request.
/// </summary>
internal sealed class TooLargeFormMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.HasFormContentType && context.Features.Get<IFormFeature>()?.Form is null)
        {
            var urlEncoded = !context.Request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase);
            if (urlEncoded)
            {
                context.Request.EnableBuffering();
            }

            Exception? refused = null;
            try
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception error) when (TooLargeForm.Describe(error) is not null)
            {
                refused = error;
            }

            if (refused is InvalidDataException unreadable && urlEncoded && !TooLargeForm.IsOverALimit(unreadable) && await ReadLeniently(context) is { } form)
            {
                // The framework refuses a form holding a control character such as NUL outright. Read
                // as sent instead, so the form's own checks say which box holds it and keep what was typed.
                context.Features.Set<IFormFeature>(new FormFeature(form));
            }
            else if (refused is not null)
            {
                // The rest of the request (the error page among it) sees an empty form, never the
                // half-read body again.
                var tooLarge = TooLargeForm.Describe(refused, Back(context))!;
                context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
                context.Items[TooLargeForm.ItemKey] = tooLarge;
                context.Response.StatusCode = tooLarge.Status;
                return;
            }
        }

        await next(context);
    }

    /// <summary>A URL-encoded form read as sent, within the same limits; null when it is over them.</summary>
    private static async Task<FormCollection?> ReadLeniently(HttpContext context)
    {
        var limits = new FormOptions();
        context.Request.Body.Position = 0;
        using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var pairs = body.Split('&', StringSplitOptions.RemoveEmptyEntries);
        if (pairs.Length > limits.ValueCountLimit)
        {
            return null;
        }

        var fields = new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            if (key.Length > limits.KeyLengthLimit || value.Length > limits.ValueLengthLimit)
            {
                return null;
            }

            fields[key] = Microsoft.Extensions.Primitives.StringValues.Concat(fields.GetValueOrDefault(key), value);
        }

        return new FormCollection(fields);
    }

    private static string Decode(string encoded) => Uri.UnescapeDataString(encoded.Replace('+', ' '));

    /// <summary>The page the form was on, when it is one of the service's own; otherwise the home page.</summary>
    private static string Back(HttpContext context) =>
        Uri.TryCreate(context.Request.Headers.Referer.ToString(), UriKind.Absolute, out var referrer)
        && string.Equals(referrer.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase)
        && referrer.PathAndQuery.StartsWith('/') && !referrer.PathAndQuery.StartsWith("//", StringComparison.Ordinal)
            ? referrer.PathAndQuery
            : "/";
}
