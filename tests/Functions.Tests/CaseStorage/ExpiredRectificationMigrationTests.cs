using GuanGong.Domain.Cases;
using GuanGong.Functions.Audit;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Organisations;
using GuanGong.Functions.Tests.Builders;
using GuanGong.Functions.Tests.Campaigns;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.Functions.Tests.CaseStorage;

/// <summary>
/// Cases closed at their rectification deadline before issue 15 were stored as withdrawn (not assessed); the next
/// start moves them to RectificationExpired (assessed, 未达标). A case withdrawn for another reason stays withdrawn.
/// </summary>
public sealed class ExpiredRectificationMigrationTests
{
    [Fact]
    public async Task Start_OldExpiredCaseStoredAsWithdrawn_IsMovedAndCountsAsAssessed()
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..10];
        string expiredId, withdrawnId;
        await using (var before = await RunningApp.StartAsync(new AppOptions { TablePrefix = prefix }))
        {
            await before.CreateAsync(SampleCounty.Campaign());
            var tree = await before.Services.GetRequiredService<CommitteeDirectory>().GetTreeAsync(CancellationToken.None);
            var cases = before.Services.GetRequiredService<CaseStore>();
            var audit = before.Services.GetRequiredService<AuditLog>();
            var expired = new CaseBuilder(tree, SampleCounty.CampaignId, 2026, "V1").InState(CaseStatus.Withdrawn, 1).Build();
            var withdrawn = new CaseBuilder(tree, SampleCounty.CampaignId, 2026, "V2").InState(CaseStatus.Withdrawn, 1).Build();
            Assert.True(await cases.TryAddAsync(expired, CancellationToken.None));
            Assert.True(await cases.TryAddAsync(withdrawn, CancellationToken.None));
            await audit.AppendAsync(expired.CaseId, "system", ExpiredRectificationMigration.ExpiryAction, "整改期限已过，未重新提交，视为放弃本次申报", null, CancellationToken.None);
            await audit.AppendAsync(withdrawn.CaseId, "village2@example.cn", "撤回申报", null, null, CancellationToken.None);
            (expiredId, withdrawnId) = (expired.CaseId, withdrawn.CaseId);
        }

        await using var after = await RunningApp.StartAsync(new AppOptions { TablePrefix = prefix });

        Assert.Equal("RectificationExpired", (await after.CaseAsync(expiredId)).GetProperty("status").GetString());
        Assert.Equal("Withdrawn", (await after.CaseAsync(withdrawnId)).GetProperty("status").GetString());
        var figures = (await after.StatisticsAsync(2026)).GetProperty("passRates");
        Assert.Equal(1, figures.GetProperty("assessed").GetInt32());
        Assert.Equal(0, figures.GetProperty("passed").GetInt32());
    }
}
