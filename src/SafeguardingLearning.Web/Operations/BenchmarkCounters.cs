using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SafeguardingLearning.Web.Operations;

/// <summary>
/// For the benchmark only (build/bench.sh, docs/performance.md), and only when the setting
/// <c>Benchmark:Counters</c> is true: tells the caller, in response headers, how many SQL commands
/// EF Core sent for the request and how many bytes the process allocated while it ran (exact when
/// requests are sent one at a time, as the benchmark does to read them). Off by default, so no
/// other deployment says anything about its workings.
/// </summary>
internal sealed class BenchmarkCounters(RequestDelegate next)
{
    public const string Setting = "Benchmark:Counters";
    public const string SqlCommandsHeader = "X-Bench-Sql-Commands";
    public const string AllocatedBytesHeader = "X-Bench-Allocated-Bytes";

    private static readonly AsyncLocal<StrongBox<int>?> Commands = new();
    private static readonly Lazy<IDisposable> Subscription = new(() => DiagnosticListener.AllListeners.Subscribe(new CommandObserver()));

    public async Task InvokeAsync(HttpContext context)
    {
        _ = Subscription.Value;
        var commands = new StrongBox<int>();
        Commands.Value = commands;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[SqlCommandsHeader] = Volatile.Read(ref commands.Value).ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers[AllocatedBytesHeader] = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        await next(context);
    }

    /// <summary>Counts EF Core's executed commands against the request they ran for (the async flow carries the count).</summary>
    private sealed class CommandObserver : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                listener.Subscribe(this);
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuted.Name && Commands.Value is { } commands)
            {
                Interlocked.Increment(ref commands.Value);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
