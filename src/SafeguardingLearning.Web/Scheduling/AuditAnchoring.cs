using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Reminders;

namespace SafeguardingLearning.Web.Scheduling;

/// <summary>
/// The anchor file (<c>Audit:AnchorFile</c>): one line of JSON per anchor — the newest entry's
/// sequence number, when it was published, its hash — appended and never rewritten by the app.
/// It is meant to live where the database's owner cannot write (another machine's share,
/// append-only or write-once storage), so that a trail they rewrite or cut short no longer matches it.
/// </summary>
public sealed class AuditAnchorFile(IOptions<AuditOptions> options, IHostEnvironment environment)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Path => System.IO.Path.Combine(environment.ContentRootPath, options.Value.AnchorFile);

    /// <summary>Every anchor published so far; none when the file does not exist yet.</summary>
    /// <exception cref="InvalidDataException">A line cannot be read as an anchor.</exception>
    public IReadOnlyList<AuditAnchor> Read()
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        var anchors = new List<AuditAnchor>();
        var number = 0;
        foreach (var line in File.ReadLines(Path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            AuditAnchor? anchor;
            try
            {
                anchor = JsonSerializer.Deserialize<AuditAnchor>(line, Json);
            }
            catch (JsonException)
            {
                anchor = null;
            }

            if (anchor is null || anchor.Sequence < 1 || string.IsNullOrEmpty(anchor.Hash))
            {
                throw new InvalidDataException($"Line {number} of the anchor file cannot be read as an anchor");
            }

            anchors.Add(anchor);
        }

        return anchors;
    }

    public void Append(AuditAnchor anchor)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        using var writer = new StreamWriter(file);
        writer.WriteLine(JsonSerializer.Serialize(anchor, Json));
        writer.Flush();
        file.Flush(flushToDisk: true);
    }
}

/// <summary>What checking the trail found: how many entries were read, the first break if any, and the anchors it was checked against.</summary>
public sealed record AuditTrailCheck(long Checked, AuditChainBreak? Break, int Anchors, AuditAnchor? NewestAnchor);

/// <summary>
/// Checks the whole audit trail against the chain's keys and every published anchor, reading the
/// entries one at a time in sequence order (never the whole table in memory).
/// </summary>
public sealed class CheckAuditTrail(AppDbContext db, AuditChainKeys keys, AuditAnchorFile anchorFile)
{
    public AuditTrailCheck Run()
    {
        IReadOnlyList<AuditAnchor> anchors;
        try
        {
            anchors = anchorFile.Read();
        }
        catch (InvalidDataException unreadable)
        {
            return new AuditTrailCheck(0, new AuditChainBreak(0, unreadable.Message), 0, null);
        }

        long read = 0;
        var firstBreak = AuditChain.FindFirstBreak(Counted(db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsEnumerable()), keys, anchors);
        return new AuditTrailCheck(read, firstBreak, anchors.Count, anchors.MaxBy(a => a.Sequence));

        IEnumerable<AuditEntry> Counted(IEnumerable<AuditEntry> entries)
        {
            foreach (var entry in entries)
            {
                read++;
                yield return entry;
            }
        }
    }
}

/// <summary>
/// Publishes the newest entry of the audit trail (sequence, time, hash) where the database's owner
/// cannot change it: the application log, the anchor file and, if <c>Audit:AnchorEmail</c> is set,
/// an emailed digest. The whole trail is checked first, and the digest says whether it was intact.
/// Running again with nothing new written publishes nothing twice.
/// </summary>
public sealed partial class AnchorAuditTrail(AppDbContext db, CheckAuditTrail check, AuditAnchorFile anchorFile, IOptions<AuditOptions> options, TimeProvider clock, ILogger<AnchorAuditTrail> logger)
{
    public async Task<string> RunAsync(CancellationToken cancellationToken = default)
    {
        var newest = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        if (newest is null)
        {
            return "The audit trail is empty: nothing to anchor";
        }

        var result = check.Run();
        if (result.Break is { } broken)
        {
            TrailBroken(logger, broken.Sequence, broken.Reason);
        }

        if (result.NewestAnchor is { } last && last.Sequence == newest.Sequence && last.Hash == newest.Hash)
        {
            return $"Entry {newest.Sequence} was anchored already";
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var anchor = new AuditAnchor(newest.Sequence, new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc), newest.Hash);
        Anchored(logger, anchor.Sequence, anchor.AnchoredAt, anchor.Hash);
        anchorFile.Append(anchor);

        if (options.Value.AnchorEmail is { Length: > 0 } to)
        {
            var state = result.Break is { } b ? $"The check found the trail broken: {b.Reason}." : $"The check found all {result.Checked} entries linked, unaltered and matching the {result.Anchors} earlier anchors.";
            db.OutboxEmails.Add(new OutboxEmail(
                to,
                $"Safeguarding Learning: audit trail anchor for {anchor.AnchoredAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}",
                $"The newest entry of the audit trail at {anchor.AnchoredAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}:\n\nEntry {anchor.Sequence}\nHash {anchor.Hash}\n\n{state}\n\nKeep this email where the database's administrators cannot change it: a later trail must still hold this entry with this hash.\n",
                now));
            await db.SaveChangesAsync(cancellationToken);
        }

        return result.Break is null ? $"Entry {anchor.Sequence} anchored" : $"Entry {anchor.Sequence} anchored; the trail is broken at entry {result.Break.Sequence}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit trail anchor: entry {Sequence} at {AnchoredAt:o} has hash {Hash}")]
    private static partial void Anchored(ILogger logger, long sequence, DateTime anchoredAt, string hash);

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit trail is broken at entry {Sequence}: {Reason}")]
    private static partial void TrailBroken(ILogger logger, long sequence, string reason);
}
