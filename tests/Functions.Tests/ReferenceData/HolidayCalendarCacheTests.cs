using GuanGong.Domain;
using GuanGong.Domain.Deadlines;
using GuanGong.Functions.ReferenceData;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.Functions.Tests.ReferenceData;

public sealed class HolidayCalendarCacheTests
{
    [Fact]
    public async Task GetAsync_NoticeLoadedThroughTheAdminApiOfThisHost_IsUsedAtOnce()
    {
        await using var app = await RunningApp.StartAsync(new Dictionary<string, string?> { ["GuanGong:Engine:Dispatch"] = "QueueTriggers" });
        var sut = app.Services.GetRequiredService<HolidayCalendarCache>();
        Assert.False((await sut.GetAsync(CancellationToken.None)).IsConfirmed(2031));
        var notice = new HolidayNotice(
            HolidayNotice.CurrentSchemaVersion, 2031, "国办发明电〔2030〕7号", new DateOnly(2030, 11, 12),
            [new HolidayPeriod("元旦", new DateOnly(2031, 1, 1), new DateOnly(2031, 1, 1))], []);

        (await app.AdminPostAsync("/api/admin/holidays", DomainJson.Serialize(notice))).EnsureSuccessStatusCode();

        Assert.True((await sut.GetAsync(CancellationToken.None)).IsConfirmed(2031));
    }
}
