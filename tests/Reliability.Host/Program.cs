using System.Globalization;
using System.Runtime.InteropServices;
using DurableTask.Core;
using DurableTask.Core.History;
using GuanGong.Functions.Hosting;
using GuanGong.LocalHost;
using GuanGong.LocalHost.DurableFunctions;

// The function app run by the local host, exactly as ./run.sh runs it, in a process the reliability
// suite can SIGKILL. Settings come from the environment (the app's builder reads it; AzureWebJobsStorage,
// GuanGong__…, AzureFunctionsJobHost__…). The engine's dispatcher middleware adds, by environment variable:
//   GG_PORT=n                        the HTTP port (required)
//   GG_WORKER_ID=name                the engine's worker name (a restarted process takes its partitions back at once)
//   GG_STEPS=1                       print "GG-STEP <instance> <eventId> <activity>" to stdout after each activity ran
//   GG_HOLD_AT=n                     after the n-th activity of this process ran (before its result is recorded),
//                                    print "GG-HOLD <instance> <activity>" and stop there, for the suite to SIGKILL
//   GG_DIE_IN_ORCHESTRATION_OF=text  Environment.FailFast whenever an orchestration episode of an instance whose id
//                                    contains the text runs after its first activity completed (a worker that dies
//                                    on that case's work item every time: the poison guard's case)
var port = int.Parse(Environment.GetEnvironmentVariable("GG_PORT") ?? throw new InvalidOperationException("GG_PORT is required."), CultureInfo.InvariantCulture);
var printSteps = Environment.GetEnvironmentVariable("GG_STEPS") == "1";
var holdAt = int.TryParse(Environment.GetEnvironmentVariable("GG_HOLD_AT"), out var n) ? n : 0;
var dieIn = Environment.GetEnvironmentVariable("GG_DIE_IN_ORCHESTRATION_OF");
var workerId = Environment.GetEnvironmentVariable("GG_WORKER_ID");
var activities = 0;
var output = Console.Out;
var stdout = new Lock();

void Say(string line)
{
    lock (stdout)
    {
        output.WriteLine(line);
        output.Flush();
    }
}

var options = new LocalHostOptions
{
    AppAssembly = typeof(AppComposition).Assembly,
    Port = port,
    UseLocalSettings = false,
    // Timers run as in ./run.sh: a start queued when the process is killed is sent by StartUnstartedCases on start-up.
    RunTimers = true,
    Durable = EngineDurableBackend.With(engine =>
    {
        if (!string.IsNullOrEmpty(workerId))
        {
            engine.WorkerId = workerId;
        }

        engine.ActivityMiddleware.Add(async (context, next) =>
        {
            await next();
            var instance = context.GetProperty<OrchestrationInstance>()?.InstanceId ?? "?";
            var scheduled = context.GetProperty<TaskScheduledEvent>();
            var name = scheduled?.Name ?? "?";
            if (printSteps)
            {
                Say($"GG-STEP {instance} {scheduled?.EventId} {name}");
            }

            if (holdAt > 0 && Interlocked.Increment(ref activities) == holdAt)
            {
                Say($"GG-HOLD {instance} {name}");
                await Task.Delay(Timeout.Infinite);
            }
        });
        if (!string.IsNullOrEmpty(dieIn))
        {
            engine.OrchestrationMiddleware.Add(async (context, next) =>
            {
                var state = context.GetProperty<OrchestrationRuntimeState>();
                if (state?.OrchestrationInstance?.InstanceId is { } id && id.Contains(dieIn, StringComparison.Ordinal)
                    && state.Events.Concat(state.NewEvents).Any(e => e is TaskCompletedEvent))
                {
                    Say($"GG-DIE {id}");
                    Environment.FailFast($"reliability suite: the worker dies on an orchestration work item of {id}");
                }

                await next();
            });
        }
    }),
};

await using var host = await LocalFunctionsHost.StartAsync(options);
Say($"GG-READY {host.BaseAddress}");
using var stop = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
{
    context.Cancel = true;
    stop.Cancel();
});
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    // SIGTERM or Ctrl+C: the host stops in order (await using).
}
