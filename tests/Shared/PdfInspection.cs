using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace SafeguardingLearning.Tests.Shared;

/// <summary>
/// What a test can check about a PDF: its pages, whether it is tagged, whether it has an outline, its
/// title and text, and every line pdfinfo prints (Author, Creator, Producer and the rest).
/// </summary>
public sealed record PdfFacts(int Pages, bool Tagged, bool HasOutline, string Title, string Text, IReadOnlyDictionary<string, string> Info);

/// <summary>
/// Reads a PDF the way an assistive-technology check would, with Debian's poppler-utils:
/// <c>pdfinfo</c> for the page count, the Tagged flag and the title, <c>pdftotext -layout</c> for the
/// text, and <c>pdftohtml -xml</c> for the outline (bookmarks), which it prints as &lt;outline&gt; items.
/// </summary>
public static class PdfInspection
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task<PdfFacts> ReadAsync(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var folder = Directory.CreateTempSubdirectory("sl-pdf-");
        try
        {
            var file = Path.Combine(folder.FullName, "document.pdf");
            await File.WriteAllBytesAsync(file, pdf);

            var info = Fields(await Run("pdfinfo", file));
            var text = await Run("pdftotext", "-layout", "-enc", "UTF-8", file, "-");
            // pdfinfo does not report bookmarks, and Chromium may write the catalog inside a
            // compressed object stream, so "/Outlines" is not reliably in the raw bytes.
            var xml = await Run("pdftohtml", "-xml", "-i", "-stdout", "-q", file);

            return new PdfFacts(
                Pages: int.Parse(info.GetValueOrDefault("Pages", "0"), CultureInfo.InvariantCulture),
                Tagged: info.GetValueOrDefault("Tagged") == "yes",
                HasOutline: xml.Contains("<outline", StringComparison.Ordinal),
                Title: info.GetValueOrDefault("Title", string.Empty),
                Text: text,
                Info: info);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>pdfinfo's "Name:   value" lines.</summary>
    private static Dictionary<string, string> Fields(string output)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                fields.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
            }
        }

        return fields;
    }

    private static async Task<string> Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"{tool} was not found: the PDF checks need poppler-utils (install poppler-utils: apt-get install poppler-utils)", e);
        }

        using (process)
        {
            using var timeout = new CancellationTokenSource(Timeout);
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{tool} did not finish within {Timeout.TotalSeconds} seconds");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{tool} failed with exit code {process.ExitCode}: {await error}");
            }

            return await output;
        }
    }
}
