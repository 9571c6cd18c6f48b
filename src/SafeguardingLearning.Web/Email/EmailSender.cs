using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace SafeguardingLearning.Web.Email;

public sealed class EmailOptions
{
    public string From { get; set; } = "no-reply@safeguarding-learning.example";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 25;

    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>How long one message may take to send before it counts as a failed attempt.</summary>
    public int SendTimeoutSeconds { get; set; } = 60;

    /// <summary>Writes each email as a file here instead of sending it (Development).</summary>
    public string? PickupDirectory { get; set; }

    /// <summary>The address links in emails start with, e.g. https://learning.example.org; never taken from the request.</summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>Sends email. Bodies carry no case details: a short message and a link to sign in.</summary>
public interface IEmailSender
{
    /// <param name="messageId">
    /// A stable Message-ID (the outbox row's), so that a message sent again after a crash can be
    /// recognised as the same one by the mail system.
    /// </param>
    Task SendAsync(string to, string subject, string body, string? messageId = null, CancellationToken cancellationToken = default);
}

/// <summary>System.Net.Mail over SMTP, or into a pickup folder (MailKit is not in the registry here).</summary>
internal sealed class SmtpEmailSender(IOptions<EmailOptions> options, IHostEnvironment environment) : IEmailSender
{
    public async Task SendAsync(string to, string subject, string body, string? messageId = null, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        using var client = new SmtpClient();
        if (!string.IsNullOrWhiteSpace(settings.PickupDirectory))
        {
            var folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, settings.PickupDirectory));
            Directory.CreateDirectory(folder);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = folder;
        }
        else if (!string.IsNullOrWhiteSpace(settings.SmtpHost))
        {
            client.Host = settings.SmtpHost;
            client.Port = settings.SmtpPort;
            client.EnableSsl = settings.EnableSsl;
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                client.Credentials = new NetworkCredential(settings.UserName, settings.Password);
            }
        }
        else
        {
            throw new InvalidOperationException("Email is not configured: set Email:SmtpHost (or Email:PickupDirectory)");
        }

        using var message = new MailMessage(settings.From, to, subject, body);
        if (messageId is not null)
        {
            message.Headers["Message-ID"] = $"<{messageId}@{new MailAddress(settings.From).Host}>";
        }

        // SmtpClient.Timeout applies to synchronous sends only; an unanswering server must not hold
        // the delivery job for ever.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.SendTimeoutSeconds));
        try
        {
            await client.SendMailAsync(message, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The SMTP server did not answer within {settings.SendTimeoutSeconds} seconds");
        }
    }
}

public static class EmailRegistration
{
    public const string MissingPublicBaseUrl =
        "Email:PublicBaseUrl is not set: outside Development set it (environment variable Email__PublicBaseUrl) to the address people reach the service at, e.g. https://learning.example.org, so that links in emails work";

    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder)
    {
        // Outside Development a link in an email must be a whole address: the app has no request to
        // take one from when a job sends it (and never takes one from a request's Host header).
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<EmailOptions>().Bind(builder.Configuration.GetSection("Email"))
            .Validate(o => development || !string.IsNullOrWhiteSpace(o.PublicBaseUrl), MissingPublicBaseUrl)
            .ValidateOnStart();
        builder.Services.AddSingleton<IEmailSender, SmtpEmailSender>();
        return builder;
    }
}
