using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SafeguardingLearning.Tests.Shared;

/// <summary>How the test SMTP server answers the messages it is given.</summary>
public enum SmtpBehaviour
{
    Accept,

    /// <summary>A temporary failure (451) for the first messages, then accepts.</summary>
    RefuseFirst,

    /// <summary>A permanent failure (550) for every message.</summary>
    Reject,

    /// <summary>Takes the connection and never answers the message.</summary>
    Hang,
}

/// <summary>
/// A real SMTP server on a free loopback port: aiosmtpd under Debian's python3 (build/test.sh
/// installs python3-aiosmtpd), writing each message it accepts to a folder of its own.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";

    private readonly Process _process;
    private readonly string _folder;

    private SmtpServer(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public static async Task<SmtpServer> StartAsync(SmtpBehaviour behaviour = SmtpBehaviour.Accept, int refusals = 0)
    {
        var folder = Directory.CreateTempSubdirectory("sl-smtp-").FullName;
        var port = FreePort();
        var script = Path.Combine(AppContext.BaseDirectory, "Shared", "smtp_server.py");
        var arguments = new List<string> { script, port.ToString(System.Globalization.CultureInfo.InvariantCulture), folder };
        arguments.AddRange(behaviour switch
        {
            SmtpBehaviour.RefuseFirst => ["--refuse", refusals.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            SmtpBehaviour.Reject => ["--reject"],
            SmtpBehaviour.Hang => ["--hang"],
            _ => [],
        });
        var start = new ProcessStartInfo(Python, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var process = Process.Start(start) ?? throw new InvalidOperationException("The SMTP server did not start");
        var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        if (ready != "ready")
        {
            var error = await process.StandardError.ReadToEndAsync();
            throw new InvalidOperationException($"The SMTP server did not start (install python3-aiosmtpd): {error}");
        }

        return new SmtpServer(process, folder, port);
    }

    /// <summary>The messages it has accepted, as the client sent them.</summary>
    public IReadOnlyList<string> Received() => Directory.GetFiles(_folder, "*.eml").Select(File.ReadAllText).ToList();

    /// <summary>Whether a client has started a message that the server is holding unanswered.</summary>
    public bool IsHoldingAMessage => File.Exists(Path.Combine(_folder, "hanging"));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
