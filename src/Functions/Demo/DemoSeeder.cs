using GuanGong.Domain;
using GuanGong.Domain.Campaigns;
using GuanGong.Domain.Deadlines;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Standards;
using GuanGong.Functions.Campaigns;
using GuanGong.Functions.Organisations;
using GuanGong.Functions.Records;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace GuanGong.Functions.Demo;

/// <summary>
/// In the local profile, loads a demo county (示范县: townships, a street, the education bureau,
/// villages, communities, schools and an enterprise, with reviewers at local addresses) and a
/// launched campaign, once, into empty storage — so a newcomer finds the units' invitations in the
/// local mailbox and can walk a case to its verdict by clicking. Never runs outside the local profile.
/// </summary>
/// <remarks>
/// A timer function that runs at start-up (and then once a year, doing nothing): the invitations are
/// sent by an orchestration, and a function is what gets a Durable client. Outside the local profile,
/// or when the tree is not empty, it returns at once.
/// </remarks>
public sealed partial class DemoSeeder(
    StorageInitializer storage, CommitteeDirectory directory, CampaignStore campaigns, CampaignLauncher launcher, TimeProvider time, IConfiguration configuration, ILogger<DemoSeeder> logger)
{
    public const string CampaignId = "demo2026";

    [Function("SeedDemo")]
    public async Task RunAsync([TimerTrigger("0 0 3 1 1 *", RunOnStartup = true)] TimerInfo timer, [DurableClient] DurableTaskClient engine, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        if (!Hosting.AppComposition.IsLocalProfile(configuration) || string.Equals(configuration["GuanGong:Demo:Seed"], "false", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        await storage.WhenReadyAsync(stoppingToken);

        if ((await directory.GetTreeAsync(stoppingToken)).Committees.Count > 0)
        {
            return;
        }

        using var csv = typeof(DemoSeeder).Assembly.GetManifestResourceStream("GuanGong.Functions.Demo.demo-county.csv")
            ?? throw new InvalidOperationException("The demo county is not embedded.");
        using var reader = new StreamReader(csv);
        var tree = CommitteeCsvImporter.Import(await reader.ReadToEndAsync(stoppingToken));
        if (!tree.IsSuccess)
        {
            throw new InvalidOperationException("The demo county is invalid: " + string.Join("; ", tree.Errors));
        }

        await directory.ReplaceAsync(tree.Value, stoppingToken);
        var year = time.GetUtcNow().ToOffset(ChinaTime.Offset).Year;
        var settings = new CampaignSettings(
            CampaignSettings.CurrentSchemaVersion, CampaignId, $"示范县{year}年度“五好”基层关工委创建", "DEMO-COUNTY", year, year + 2,
            TemplateLoader.GetEmbedded("five-good-a").Pin(),
            [new YearTarget(year, new Percentage(60)), new YearTarget(year + 1, new Percentage(70)), new YearTarget(year + 2, new Percentage(80))],
            [], 2, [EscalationLadder.Default], new Percentage(10), new Percentage(80));
        var record = new CampaignRecord(CampaignRecord.CurrentSchemaVersion, settings, time.GetUtcNow(), null, null);
        if (await campaigns.TryAddAsync(record, stoppingToken))
        {
            var launched = (await launcher.LaunchAsync(engine, CampaignId, year, resend: false, stoppingToken)).Launched;
            LogSeeded(logger, tree.Value.Committees.Count, launched?.Units ?? 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data loaded: {Committees} committees; {Invited} invitations are on their way to the local mailbox (/dev/mail)")]
    private static partial void LogSeeded(ILogger logger, int committees, int invited);
}
