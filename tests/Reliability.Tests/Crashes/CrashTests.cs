using System.Diagnostics;
using GuanGong.LocalStack;
using GuanGong.Reliability.Tests.Infrastructure;
using GuanGong.Testing;
using Xunit.Abstractions;

namespace GuanGong.Reliability.Tests.Crashes;

/// <summary>
/// Cases carried through submission and two approvals while the app's process is SIGKILLed on observed
/// workflow steps (the host stops right after its n-th activity ran, before the engine records the result,
/// and the suite kills it there) and started again: every case reaches its verdict, no accepted submission
/// is lost, no decision is applied twice, audit chains stay whole, and duplicate mails stay within one per
/// kill. CI size: 6 cases, 3 kills; <c>scripts/reliability.sh --full</c>: 1,000 cases, 50 kills.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Seed = 4242;

    // Activities a case runs on the happy path (the coarse steps, CaseWorkflowInput.CoarseSteps): accept and open the
    // township's task, apply its approval and open the county's task, apply the verdict and notify the unit and re-rate its township.
    private const int StepsPerCase = 3;

    [Fact]
    public async Task HostKilledOnObservedSteps_UnderScriptedCases_EveryVerdictRightNothingLostNothingTwice()
    {
        var caseCount = ResultsTable.Size("GG_RELIABILITY_CASES", 6);
        var killCount = ResultsTable.Size("GG_RELIABILITY_KILLS", 3);
        var random = new Random(Seed);
        // Where each run of the host is killed: after its n-th activity, n spread so the kills fall over the whole run.
        var gap = Math.Max(1, caseCount * StepsPerCase / (killCount + 1));
        var holdAt = Enumerable.Range(0, killCount).Select(_ => random.Next(1, gap + 1)).ToList();
        var azurite = await SharedAzurite.GetAsync();
        await using var smtp = new SmtpSink();
        var environment = HostProcess.Settings(azurite, smtp, "k" + Guid.NewGuid().ToString("N")[..10], "k" + Guid.NewGuid().ToString("N")[..10]);
        // One worker name across restarts: the new process takes the dead one's partition lease back at once.
        environment["GG_WORKER_ID"] = "crash-worker";
        await using var host = new HostProcess(environment, FreePorts.Take(1)[0]);
        var clock = Stopwatch.StartNew();
        await host.StartAsync(holdAt.Count > 0 ? holdAt[0] : 0);
        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var driver = new Driver(smtp);

        using var stop = new CancellationTokenSource();
        var killedAt = new List<string>();
        var killer = Task.Run(async () =>
        {
            for (var i = 0; i < killCount; i++)
            {
                killedAt.Add(await host.WaitForHoldAsync(stop.Token));
                await host.KillAsync();
                await host.StartAsync(i + 1 < killCount ? holdAt[i + 1] : 0);
            }
        });

        await Driver.SetUpCountyAsync(client, caseCount);
        var units = Enumerable.Range(1, caseCount).Select(i => (Unit: $"V{i}", Email: $"village{i}@example.cn")).ToList();
        var accepted = new System.Collections.Concurrent.ConcurrentBag<string>();
        var refused = new System.Collections.Concurrent.ConcurrentBag<string>();
        var patience = TimeSpan.FromMinutes(Math.Max(5, caseCount / 20));
        await Parallel.ForEachAsync(units, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (unit, _) =>
        {
            var token = await driver.UnitTokenAsync(unit.Email, patience);
            var status = await Driver.SendUntilAnsweredAsync(client, () => Driver.Submit(token, "crash-" + unit.Unit));
            if (status is 202 or 200)
            {
                accepted.Add(SampleCounty.CaseId(unit.Unit));
            }
            else
            {
                refused.Add($"{unit.Unit} {status}");
            }
        });

        foreach (var (reviewer, stage) in new[] { ("town@example.cn", "township"), ("county@example.cn", "county") })
        {
            await Parallel.ForEachAsync(accepted, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (caseId, _) =>
            {
                var link = await driver.ReviewLinkAsync(reviewer, caseId, patience);
                await Driver.SendUntilAnsweredAsync(client, () => Driver.Decide(link, $"{stage} 同意"));
            });
        }

        var verdicts = new System.Collections.Concurrent.ConcurrentDictionary<string, (string Status, int Decisions, int Breaks, string? EngineError)>();
        await Parallel.ForEachAsync(accepted, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (caseId, _) =>
        {
            var state = await Driver.WaitForCaseAsync(client, caseId, Driver.IsFinal, patience);
            verdicts[caseId] = (state.GetProperty("status").GetString()!, state.GetProperty("decisions").GetArrayLength(), Driver.ChainBreaks(state), state.GetProperty("engineLastError").GetString());
        });

        // Every verdict is in: the killer has either done its kills or waits for a hold that will not come.
        await stop.CancelAsync();
        try
        {
            await killer;
        }
        catch (OperationCanceledException)
        {
        }

        var mails = smtp.Messages.Count;
        var duplicates = driver.Duplicates;
        var lost = caseCount - accepted.Count;
        var wrong = verdicts.Count(v => v.Value.Status != "Passed");
        var twice = verdicts.Count(v => v.Value.Decisions != 2);
        var breaks = verdicts.Sum(v => v.Value.Breaks);
        var givenUp = verdicts.Where(v => v.Value.EngineError is not null).ToList();
        foreach (var (caseId, verdict) in givenUp.Take(10))
        {
            output.WriteLine($"GIVEN UP {caseId} at {verdict.Status} after {verdict.Decisions} decisions: {verdict.EngineError}");
        }
        output.WriteLine($"{caseCount} cases, {host.Kills} SIGKILLs in {clock.Elapsed.TotalSeconds:0} s; killed after: {string.Join("; ", killedAt)}");
        foreach (var refusal in refused.Take(10))
        {
            output.WriteLine($"NOT ACCEPTED {refusal} (the answer the retrying client finally got)");
        }

        output.WriteLine($"accepted {accepted.Count}, passed {verdicts.Count(v => v.Value.Status == "Passed")}; {mails} mails, {duplicates} duplicates; {host.Steps.Count} activities run");
        ResultsTable.Add(
            "Crashes (SIGKILL on observed steps)",
            $"{caseCount} cases (submit, township and county approval), host SIGKILLed {host.Kills} times right after an activity ran, restarted each time; {clock.Elapsed.TotalSeconds:0} s",
            $"{lost} lost, {wrong} wrong verdicts ({givenUp.Count} workflows failed by the engine), {twice} decision counts ≠ 2, {breaks} audit-chain breaks, {duplicates} duplicate mails of {mails}",
            $"0, 0, 0, 0, ≤ {host.Kills}",
            host.Kills == killCount && lost == 0 && wrong == 0 && twice == 0 && breaks == 0 && duplicates <= host.Kills);

        Assert.Equal(killCount, host.Kills);
        Assert.Equal(0, lost);
        Assert.Empty(givenUp);
        Assert.Equal(0, wrong);
        Assert.Equal(0, twice);
        Assert.Equal(0, breaks);
        Assert.True(duplicates <= host.Kills, $"{duplicates} duplicate mails for {host.Kills} kills");
    }

    [Fact]
    public async Task TwoHostsOnOneTaskHub_CasesSpreadOverBoth_NoActivityRunTwiceNoDuplicateMails()
    {
        var caseCount = 6;
        var azurite = await SharedAzurite.GetAsync();
        await using var smtp = new SmtpSink();
        var ports = FreePorts.Take(2);
        var (prefix, hub) = ("w" + Guid.NewGuid().ToString("N")[..10], "w" + Guid.NewGuid().ToString("N")[..10]);
        var first = HostProcess.Settings(azurite, smtp, prefix, hub);
        first["GG_WORKER_ID"] = "host-a";
        first["AzureFunctionsJobHost__extensions__durableTask__storageProvider__partitionCount"] = "2";
        var second = new Dictionary<string, string>(first) { ["GG_WORKER_ID"] = "host-b" };
        await using var a = new HostProcess(first, ports[0]);
        await using var b = new HostProcess(second, ports[1]);
        await Task.WhenAll(a.StartAsync(), b.StartAsync());
        using var clientA = new HttpClient { BaseAddress = a.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        using var clientB = new HttpClient { BaseAddress = b.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        HttpClient Pick(int i) => i % 2 == 0 ? clientA : clientB;
        var driver = new Driver(smtp);

        await Driver.SetUpCountyAsync(clientA, caseCount);
        var caseIds = new List<string>();
        for (var i = 1; i <= caseCount; i++)
        {
            var token = await driver.UnitTokenAsync($"village{i}@example.cn", TimeSpan.FromSeconds(90));
            Assert.Equal(202, await Driver.SendUntilAnsweredAsync(Pick(i), () => Driver.Submit(token, "two-" + i)));
            caseIds.Add(SampleCounty.CaseId($"V{i}"));
        }

        foreach (var reviewer in new[] { "town@example.cn", "county@example.cn" })
        {
            for (var i = 0; i < caseIds.Count; i++)
            {
                var link = await driver.ReviewLinkAsync(reviewer, caseIds[i], TimeSpan.FromSeconds(90));
                await Driver.SendUntilAnsweredAsync(Pick(i + 1), () => Driver.Decide(link, "同意"));
            }
        }

        var wrong = 0;
        var repeatedHistory = 0;
        var breaks = 0;
        foreach (var caseId in caseIds)
        {
            var state = await Driver.WaitForCaseAsync(clientA, caseId, Driver.IsFinal, TimeSpan.FromSeconds(120));
            wrong += state.GetProperty("status").GetString() == "Passed" && state.GetProperty("decisions").GetArrayLength() == 2 ? 0 : 1;
            // The case's history (audit) lists each step once; a step run by both hosts would show twice.
            var steps = state.GetProperty("history").EnumerateArray().Select(e => string.Join("|", new[] { "action", "actor", "detail" }.Select(p => e.TryGetProperty(p, out var v) ? v.ToString() : string.Empty))).ToList();
            repeatedHistory += steps.Count - steps.Distinct().Count();
            breaks += Driver.ChainBreaks(state);
        }

        // Every activity the engines ran, as each host reported it: an activity is its instance and its event id.
        var ran = a.Steps.Select(s => "a " + s).Concat(b.Steps.Select(s => "b " + s)).ToList();
        var repeatedActivities = ran.GroupBy(s => s[2..], StringComparer.Ordinal).Sum(g => g.Count() - 1);
        var duplicates = driver.Duplicates;
        output.WriteLine($"two hosts, {caseCount} cases: host a ran {a.Steps.Count} activities, host b {b.Steps.Count}; {repeatedActivities} run twice, {repeatedHistory} repeated history steps, {breaks} chain breaks, {wrong} wrong, {duplicates} duplicate mails of {smtp.Messages.Count}");
        ResultsTable.Add(
            "Two hosts, one task hub",
            $"2 app processes on one task hub and tables; {caseCount} cases, requests alternated; activities split {a.Steps.Count}/{b.Steps.Count}",
            $"{repeatedActivities} activities run twice, {repeatedHistory} repeated history steps, {duplicates} duplicate mails, {wrong} wrong verdicts, {breaks} chain breaks",
            "0, 0, 0, 0, 0",
            repeatedActivities == 0 && repeatedHistory == 0 && duplicates == 0 && wrong == 0 && breaks == 0);
        Assert.Equal(0, wrong);
        Assert.Equal(0, repeatedActivities);
        Assert.Equal(0, repeatedHistory);
        Assert.Equal(0, breaks);
        Assert.Equal(0, duplicates);
        Assert.True(a.Steps.Count + b.Steps.Count >= caseCount * StepsPerCase, "the hosts reported their activities");
    }
}
