using FsCheck;
using FsCheck.Fluent;
using GuanGong.Domain.Deadlines;

namespace GuanGong.Domain.Tests.Deadlines;

public sealed class DeadlineProperties
{
    private static readonly DateOnly Origin = new(2024, 10, 1);

    private static Gen<(DateOnly Start, int Days)> Inputs() =>
        from offset in Gen.Choose(0, 1000)
        from days in Gen.Choose(1, 40)
        select (Origin.AddDays(offset), days);

    [Fact]
    public void AddWorkingDays_LandsOnWorkingDayAndCountsExactly()
    {
        var calendar = HolidayCalendar.Official;
        Prop.ForAll(Inputs().ToArbitrary(), x =>
        {
            var result = calendar.AddWorkingDays(x.Start, x.Days);
            return calendar.IsWorkingDay(result.Date)
                && calendar.CountWorkingDays(x.Start, result.Date).Count == x.Days
                && result.UsesUnconfirmedCalendarYears == (result.Date.Year > 2026 || x.Start.AddDays(1).Year < 2025);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void SubtractWorkingDays_UndoesAdd_OnWorkingDays()
    {
        var calendar = HolidayCalendar.Official;
        Prop.ForAll(Inputs().ToArbitrary(), x =>
        {
            var start = x.Start;
            while (!calendar.IsWorkingDay(start))
            {
                start = start.AddDays(1);
            }

            var forward = calendar.AddWorkingDays(start, x.Days).Date;
            return calendar.SubtractWorkingDays(forward, x.Days).Date == start;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Plan_StepsOrderedAndHolderNeverMovesBack()
    {
        var inputs =
            from offset in Gen.Choose(0, 700)
            from hours in Gen.Choose(0, 23)
            from later in Gen.Choose(0, 24 * 40)
            from more in Gen.Choose(0, 24 * 40)
            select (Start: new DateTimeOffset(2025, 1, 1, hours, 0, 0, ChinaTime.Offset).AddDays(offset), Now: later, Later: later + more);

        Prop.ForAll(inputs.ToArbitrary(), x =>
        {
            var first = EscalationPlanner.Plan(x.Start, x.Start.AddHours(x.Now), EscalationLadder.Default, HolidayCalendar.Official);
            var second = EscalationPlanner.Plan(x.Start, x.Start.AddHours(x.Later), EscalationLadder.Default, HolidayCalendar.Official);
            var ordered = first.Steps.Zip(first.Steps.Skip(1)).All(p => p.First.At <= p.Second.At);
            var afterStart = first.Steps.All(s => s.At > x.Start);
            return ordered && afterStart && second.Holder >= first.Holder && second.DueSteps.Count >= first.DueSteps.Count;
        }).QuickCheckThrowOnFailure();
    }
}
