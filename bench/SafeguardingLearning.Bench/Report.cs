using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SafeguardingLearning.Bench;

/// <summary>
/// Reads a run's files (runs.tsv: the wrk runs; counters.tsv: SQL commands and allocations per
/// page; figures.tsv: the sweep, start-up and two instances), prints them as Markdown tables and
/// then what is over budget. It reports; it does not fail.
/// </summary>
internal static partial class Report
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static void Print(string folder, string budgetsFile)
    {
        var budgets = JsonSerializer.Deserialize<Budgets>(File.ReadAllText(budgetsFile), Json)!;
        var runs = Rows(folder, "runs.tsv").Select(r => new Run(r[0], r[1], r[2], r[3], r[4], int.Parse(r[5], CultureInfo.InvariantCulture), r[6], Wrk.Read(Path.Combine(folder, r[7])))).ToList();
        var counters = Rows(folder, "counters.tsv").ToDictionary(r => (r[0], r[1], r[2]), r => (Status: r[3], Sql: long.Parse(r[4], CultureInfo.InvariantCulture), Allocated: long.Parse(r[5], CultureInfo.InvariantCulture), Alone: r.Length > 6 ? r[6] : "–"));
        var figures = Rows(folder, "figures.tsv").ToDictionary(r => (r[0], r[1], r[2]), r => double.Parse(r[3], CultureInfo.InvariantCulture));
        var over = new List<string>();

        foreach (var group in runs.GroupBy(r => (r.Scale, r.Provider)))
        {
            var (scale, provider) = group.Key;
            var minimumRatio = budgets.RatioToReference.GetValueOrDefault(scale, budgets.RatioToReference.Values.Min());
            Console.WriteLine($"### {provider}, {scale} scale");
            Console.WriteLine();
            Console.WriteLine("| page | as | req/s (16) | × reference | p50 / p99 ms (16) | req/s (64) | p50 / p99 ms (64) | SQL per request | KB allocated per request | ms one at a time |");
            Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var page in group.Where(r => r.Kind == "product").GroupBy(r => (r.Label, r.Path, r.Person)))
            {
                var at16 = page.SingleOrDefault(r => r.Connections == 16);
                var at64 = page.SingleOrDefault(r => r.Connections == 64);
                var reference = group.FirstOrDefault(r => r.Kind == "reference" && r.Label == page.Key.Label && r.Connections == 16);
                var ratio = at16 is not null && reference is { Result.RequestsPerSecond: > 0 } ? at16.Result.RequestsPerSecond / reference.Result.RequestsPerSecond : double.NaN;
                var count = counters.TryGetValue((scale, provider, page.Key.Label), out var c) ? c : (Status: "?", Sql: -1L, Allocated: -1L, Alone: "?");
                var errors = page.Sum(r => r.Result.Errors);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {page.Key.Label} `{Shorten(page.Key.Path)}`{(errors > 0 || count.Status != "200" ? $" (status {count.Status}, {errors} errors)" : string.Empty)} | {page.Key.Person.Split('@')[0]} | {at16?.Result.RequestsPerSecond:F0} | {ratio:F2} | {Latency(at16)} | {at64?.Result.RequestsPerSecond:F0} | {Latency(at64)} | {count.Sql} | {count.Allocated / 1024.0:F0} | {count.Alone} |"));
                var where = $"{provider}, {scale}: {page.Key.Label} as {page.Key.Person.Split('@')[0]}";
                if (ratio < minimumRatio)
                {
                    over.Add(string.Create(CultureInfo.InvariantCulture, $"{where}: {ratio:F2} × the reference's requests/s (budget ≥ {minimumRatio:F2})"));
                }

                if (at16 is { Result.RequestsPerSecond: 0 })
                {
                    over.Add($"{where}: no request finished within a run at 16 connections");
                }
                else if (at16 is not null && at16.Result.P99Milliseconds > budgets.P99MillisecondsAt16)
                {
                    over.Add(string.Create(CultureInfo.InvariantCulture, $"{where}: p99 {at16.Result.P99Milliseconds:F0} ms at 16 connections (budget ≤ {budgets.P99MillisecondsAt16} ms)"));
                }

                if (count.Sql > budgets.SqlCommandsPerPage)
                {
                    over.Add($"{where}: {count.Sql} SQL commands per request (budget ≤ {budgets.SqlCommandsPerPage})");
                }

                if (errors > 0 || count.Status != "200")
                {
                    over.Add($"{where}: answered {count.Status}, {errors} errors or non-2xx responses under load");
                }
            }

            var references16 = group.Where(r => r.Kind == "reference" && r.Connections == 16).ToList();
            var reference64 = group.FirstOrDefault(r => r.Kind == "reference" && r.Connections == 64);
            if (references16.Count > 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| reference: Fortunes (MVC + Razor + EF Core), mean of {references16.Count} runs | – | {references16.Average(r => r.Result.RequestsPerSecond):F0} | 1.00 | {references16.Average(r => r.Result.P50Milliseconds):F1} / {references16.Average(r => r.Result.P99Milliseconds):F1} | {reference64?.Result.RequestsPerSecond:F0} | {Latency(reference64)} | 1 | – |"));
            }

            Console.WriteLine();
            foreach (var ((figureScale, figureProvider, name), value) in figures.Where(f => f.Key.Item1 == scale && f.Key.Item2 == provider))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- {Describe(name)}: {value:0.##}"));
                var budget = name switch
                {
                    "sweep_ms" when figureScale == "ten-year" => budgets.DeadlineSweepMilliseconds,
                    "startup_ms" or "startup_ms_second" => budgets.StartupMilliseconds,
                    _ => (double?)null,
                };
                if (budget is { } limit && value >= limit)
                {
                    over.Add(string.Create(CultureInfo.InvariantCulture, $"{figureProvider}, {figureScale}: {Describe(name)} {value:0} (budget < {limit:0})"));
                }
            }

            Console.WriteLine();
        }

        Console.WriteLine("### Over budget");
        Console.WriteLine();
        Console.WriteLine(over.Count == 0 ? "Nothing." : string.Join(Environment.NewLine, over.Select(o => "- " + o)));
    }

    private static string Describe(string figure) => figure switch
    {
        "sweep_ms" => "deadline sweep, one run (ms)",
        "startup_ms" => "start-up to ready on an existing database (ms)",
        "startup_ms_second" => "start-up again, with the benchmark counters on (ms)",
        "one_instance_rps" => "one instance, business unit home, 64 connections (req/s)",
        "two_instances_rps" => "two instances, one core each, same page and load (req/s)",
        "two_instances_ratio" => "two instances ÷ one instance",
        _ => figure,
    };

    private static string Latency(Run? run) => run is null ? "–" : run.Result.RequestsPerSecond == 0 ? "none finished" : string.Create(CultureInfo.InvariantCulture, $"{run.Result.P50Milliseconds:F1} / {run.Result.P99Milliseconds:F1}");

    private static string Shorten(string path) => GuidPattern().Replace(path, "{id}");

    private static IEnumerable<string[]> Rows(string folder, string file) =>
        File.Exists(Path.Combine(folder, file))
            ? File.ReadAllLines(Path.Combine(folder, file)).Where(l => l.Length > 0).Select(l => l.Split('\t'))
            : [];

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GuidPattern();

    private sealed record Run(string Scale, string Provider, string Label, string Path, string Person, int Connections, string Kind, Wrk Result);

    private sealed record Budgets(Dictionary<string, double> RatioToReference, double P99MillisecondsAt16, int SqlCommandsPerPage, double DeadlineSweepMilliseconds, double StartupMilliseconds);
}

/// <summary>What wrk --latency printed: requests/s, the 50th and 99th percentile, and errors (socket errors and non-2xx/3xx responses).</summary>
internal sealed partial record Wrk(double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds, long Errors)
{
    public static Wrk Read(string file)
    {
        var text = File.Exists(file) ? File.ReadAllText(file) : string.Empty;
        var rps = RequestsPerSecondLine().Match(text);
        var errors = NonSuccess().Match(text) is { Success: true } n ? long.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        errors += SocketErrors().Matches(text).Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        return new Wrk(
            rps.Success ? double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            Percentile(text, "50"),
            Percentile(text, "99"),
            errors);
    }

    private static double Percentile(string text, string percent)
    {
        var match = Regex.Match(text, $@"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success)
        {
            return double.NaN;
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecondLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"(?:connect|read|write|timeout) (\d+)")]
    private static partial Regex SocketErrors();
}
