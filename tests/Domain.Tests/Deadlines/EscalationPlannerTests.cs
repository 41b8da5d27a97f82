using GuanGong.Domain.Deadlines;

namespace GuanGong.Domain.Tests.Deadlines;

public sealed class EscalationPlannerTests
{
    // Friday 13 Feb 2026, 10:00 China time: the last working Friday before the Spring Festival.
    private static readonly DateTimeOffset Start = new(2026, 2, 13, 10, 0, 0, ChinaTime.Offset);

    private static DateTimeOffset Cst(int month, int day, int hour = 0) => new(2026, month, day, hour, 0, 0, ChinaTime.Offset);

    [Fact]
    public void Due_FiveWorkingDaysFromFridayBeforeSpringFestival_EndsFebruary27LocalMidnight()
    {
        var due = DeadlineCalculator.Due(Start, 5, HolidayCalendar.Official);

        Assert.Equal(new DateOnly(2026, 2, 27), due.DueDate);
        Assert.Equal(Cst(2, 28), due.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 2, 27, 16, 0, 0, TimeSpan.Zero), due.DueAt.ToUniversalTime());
    }

    [Fact]
    public void Due_StartGivenInUtc_UsesChinaLocalDate()
    {
        // 17:00 UTC Thursday is 01:00 Friday in China: counting starts after Friday.
        var due = DeadlineCalculator.Due(new DateTimeOffset(2026, 2, 12, 17, 0, 0, TimeSpan.Zero), 5, HolidayCalendar.Official);

        Assert.Equal(new DateOnly(2026, 2, 27), due.DueDate);
    }

    [Fact]
    public void Plan_BeforeAnything_NextIsFirstReminder()
    {
        var plan = EscalationPlanner.Plan(Start, Start.AddHours(1), EscalationLadder.Default, HolidayCalendar.Official);

        Assert.Equal(EscalationHolder.Reviewers, plan.Holder);
        Assert.Empty(plan.DueSteps);
        Assert.Equal(new EscalationStep(EscalationStepKind.RemindReviewers, Cst(2, 25, 9)), plan.NextStep);
        Assert.False(plan.IsOverdue);
    }

    [Fact]
    public void Plan_FullTimeline_ReviewersThenFallbackThenNextLevel()
    {
        var plan = EscalationPlanner.Plan(Start, Start, EscalationLadder.Default, HolidayCalendar.Official);

        Assert.Equal(
        [
            new(EscalationStepKind.RemindReviewers, Cst(2, 25, 9)),
            new(EscalationStepKind.RemindReviewers, Cst(2, 26, 9)),
            new(EscalationStepKind.HandToFallback, Cst(2, 28)),
            new(EscalationStepKind.RemindFallback, Cst(2, 28, 9)),   // Saturday 28 Feb is a make-up working day
            new EscalationStep(EscalationStepKind.EscalateToNextLevel, Cst(3, 3)),
        ],
        plan.Steps);
        Assert.Equal(new DateOnly(2026, 3, 2), plan.FallbackDue!.DueDate);
    }

    [Fact]
    public void Plan_DuringFallbackWindow_FallbackHoldsAndCaseIsLate()
    {
        var plan = EscalationPlanner.Plan(Start, Cst(2, 28, 12), EscalationLadder.Default, HolidayCalendar.Official);

        Assert.Equal(EscalationHolder.FallbackReviewer, plan.Holder);
        Assert.True(plan.IsOverdue);
        Assert.Equal(4, plan.DueSteps.Count);
        Assert.Equal(EscalationStepKind.EscalateToNextLevel, plan.NextStep!.Kind);
        Assert.Equal(Cst(3, 3), plan.CurrentDueAt);
    }

    [Fact]
    public void Plan_AfterLastDeadline_NextLevelHoldsNothingLeft()
    {
        var plan = EscalationPlanner.Plan(Start, Cst(3, 3), EscalationLadder.Default, HolidayCalendar.Official);

        Assert.Equal(EscalationHolder.NextLevel, plan.Holder);
        Assert.Null(plan.NextStep);
        Assert.Null(plan.CurrentDueAt);
    }

    [Fact]
    public void Plan_NoFallbackReviewer_EscalatesAtReviewersDeadline()
    {
        var plan = EscalationPlanner.Plan(Start, Start, EscalationLadder.Default, HolidayCalendar.Official, hasFallbackReviewer: false);

        Assert.DoesNotContain(plan.Steps, s => s.Kind is EscalationStepKind.HandToFallback or EscalationStepKind.RemindFallback);
        Assert.Equal(Cst(2, 28), plan.Steps[^1].At);
    }

    [Fact]
    public void Plan_TopOfTree_StaysOverdueWithoutEscalation()
    {
        var plan = EscalationPlanner.Plan(Start, Cst(4, 1), EscalationLadder.Default, HolidayCalendar.Official, hasNextLevel: false);

        Assert.Equal(EscalationHolder.FallbackReviewer, plan.Holder);
        Assert.True(plan.IsOverdue);
        Assert.DoesNotContain(plan.Steps, s => s.Kind == EscalationStepKind.EscalateToNextLevel);
    }

    [Fact]
    public void Plan_AcrossUnloadedYear_IsFlagged()
    {
        var plan = EscalationPlanner.Plan(new DateTimeOffset(2026, 12, 25, 9, 0, 0, ChinaTime.Offset), Start, EscalationLadder.Default, HolidayCalendar.Official);

        Assert.True(plan.UsesUnconfirmedCalendarYears);
        Assert.Equal([2027], plan.UnconfirmedYears);
    }

    [Fact]
    public void Validate_ReminderNotBeforeDue_Fails()
    {
        var errors = (EscalationLadder.Default with { ReminderWorkingDaysBefore = [5, 1, 1] }).Validate();

        Assert.Equal(["reminderWorkingDaysBefore[0]", "reminderWorkingDaysBefore"], errors.Select(e => e.Path));
    }
}
