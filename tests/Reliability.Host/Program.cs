using GuanGong.Durable;
using GuanGong.Functions.Hosting;

// GG_DIE_AFTER_ACTIVITY_OF=<text>: the process ends with Environment.FailFast (no finally blocks, no
// flushing, no message abandoned: the same as a worker killed by the OS) whenever an activity of an
// instance whose id contains the text has run and before its result is recorded. Everything else is
// the app exactly as Program.cs of GuanGong.Functions builds it.
var victim = Environment.GetEnvironmentVariable("GG_DIE_AFTER_ACTIVITY_OF");
var app = AppHost.Build(args, configureServices: services =>
{
    if (string.IsNullOrEmpty(victim))
    {
        return;
    }

    services.AddSingleton(sp =>
    {
        var worker = sp.GetRequiredService<DurableTaskOptions>().ApplyTo(new DurableTaskWorkerOptions { TimeProvider = sp.GetRequiredService<TimeProvider>() });
        worker.FaultInjector = (step, instanceId) =>
        {
            if (step == CheckpointStep.BeforeActivityResultSend && instanceId.Contains(victim, StringComparison.Ordinal))
            {
                Environment.FailFast($"reliability suite: the worker dies after an activity of {instanceId}");
            }

            return ValueTask.CompletedTask;
        };
        return worker;
    });
});
await app.RunAsync();
