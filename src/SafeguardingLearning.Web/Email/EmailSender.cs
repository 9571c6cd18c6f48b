using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

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
    /// <exception cref="EmailNotSentException">The message was not sent; <see cref="EmailNotSentException.Permanent"/> says whether trying again could help.</exception>
    Task SendAsync(string to, string subject, string body, string? messageId = null, CancellationToken cancellationToken = default);
}

/// <summary>A message that was not sent: refused for good (a 5xx reply, an address that is not one) or for now.</summary>
public sealed class EmailNotSentException(string message, bool permanent, Exception inner) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}

/// <summary>MailKit over SMTP, or into a pickup folder as .eml files.</summary>
internal sealed class SmtpEmailSender(IOptions<EmailOptions> options, IHostEnvironment environment) : IEmailSender
{
    public async Task SendAsync(string to, string subject, string body, string? messageId = null, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.PickupDirectory) && string.IsNullOrWhiteSpace(settings.SmtpHost))
        {
            throw new InvalidOperationException("Email is not configured: set Email:SmtpHost (or Email:PickupDirectory)");
        }

        // An unanswering server must not hold the delivery job for ever.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.SendTimeoutSeconds));
        try
        {
            using var message = Message(settings.From, to, subject, body, messageId);
            if (!string.IsNullOrWhiteSpace(settings.PickupDirectory))
            {
                var folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, settings.PickupDirectory));
                Directory.CreateDirectory(folder);
                await message.WriteToAsync(Path.Combine(folder, $"{Guid.NewGuid():N}.eml"), timeout.Token);
                return;
            }

            using var client = new SmtpClient { Timeout = settings.SendTimeoutSeconds * 1000 };
            await client.ConnectAsync(settings.SmtpHost!, settings.SmtpPort, Security(settings), timeout.Token);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, timeout.Token);
            }

            await client.SendAsync(message, timeout.Token);
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EmailNotSentException($"The SMTP server did not answer within {settings.SendTimeoutSeconds} seconds", permanent: false, exception);
        }
        catch (SmtpCommandException exception)
        {
            throw new EmailNotSentException($"The SMTP server refused the message ({(int)exception.StatusCode}): {exception.Message}", permanent: (int)exception.StatusCode >= 500, exception);
        }
        catch (ParseException exception)
        {
            throw new EmailNotSentException($"Not an email address: {exception.Message}", permanent: true, exception);
        }
        catch (Exception exception) when (exception is SmtpProtocolException or MailKit.Security.AuthenticationException or SslHandshakeException or IOException or SocketException or TimeoutException)
        {
            throw new EmailNotSentException(exception.Message, permanent: false, exception);
        }
    }

    private static MimeMessage Message(string from, string to, string subject, string body, string? messageId)
    {
        var sender = MailboxAddress.Parse(from);
        var message = new MimeMessage { Subject = subject, Body = new TextPart(TextFormat.Plain) { Text = body } };
        message.From.Add(sender);
        message.To.Add(MailboxAddress.Parse(to));
        if (messageId is not null)
        {
            message.MessageId = $"{messageId}@{sender.Domain}";
        }

        return message;
    }

    /// <summary>Email:EnableSsl asks for TLS: from the start on port 465, by STARTTLS otherwise; never silently without it.</summary>
    private static SecureSocketOptions Security(EmailOptions settings) =>
        !settings.EnableSsl ? SecureSocketOptions.None
        : settings.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect
        : SecureSocketOptions.StartTls;
}

public static class EmailRegistration
{
    public const string MissingPublicBaseUrl =
        "Email:PublicBaseUrl is not set: set it (environment variable Email__PublicBaseUrl) to the address people reach the service at, e.g. https://learning.example.org, so that links in emails work";

    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder)
    {
        // A link in an email or on a page (an invitation's password-setting link) is a whole address
        // built from this setting: the app has no request to take one from when a job sends it, and
        // never takes one from a request's Host header, which anyone can set. Development has it in
        // appsettings.Development.json.
        builder.Services.AddOptions<EmailOptions>().Bind(builder.Configuration.GetSection("Email"))
            .Validate(o => Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var address) && address.Scheme is "https" or "http", MissingPublicBaseUrl)
            .ValidateOnStart();
        builder.Services.AddSingleton<IEmailSender, SmtpEmailSender>();
        return builder;
    }
}
