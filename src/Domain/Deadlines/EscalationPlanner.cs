namespace GuanGong.Domain.Deadlines;

/// <summary>
/// The escalation ladder as a pure function of (stage start, now, ladder settings): reviewers → fallback reviewer →
/// the next level takes the case. Call it whenever a timer fires or a page is shown; it never reads a clock.
/// </summary>
public static class EscalationPlanner
{
    /// <summary>Plans the stage's timeline and places <paramref name="now"/> on it.</summary>
    /// <param name="stageStartedAt">When the stage started (the case reached this committee).</param>
    /// <param name="now">The current instant (from the caller's TimeProvider).</param>
    /// <param name="ladder">The stage's settings; must be valid.</param>
    /// <param name="calendar">The holiday calendar.</param>
    /// <param name="hasFallbackReviewer">Whether the committee has a fallback reviewer; without one the fallback rung is skipped.</param>
    /// <param name="hasNextLevel">Whether there is a level above to escalate to; without one the case stays, overdue.</param>
    public static EscalationPlan Plan(
        DateTimeOffset stageStartedAt,
        DateTimeOffset now,
        EscalationLadder ladder,
        HolidayCalendar calendar,
        bool hasFallbackReviewer = true,
        bool hasNextLevel = true)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        ArgumentNullException.ThrowIfNull(calendar);
        var problems = ladder.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("The escalation ladder is invalid: " + string.Join("; ", problems), nameof(ladder));
        }

        var years = new SortedSet<int>();
        var steps = new List<EscalationStep>();
        var reviewersDue = DeadlineCalculator.Due(stageStartedAt, ladder.ReviewerWorkingDays, calendar);
        years.UnionWith(reviewersDue.UnconfirmedYears);
        AddReminders(steps, years, EscalationStepKind.RemindReviewers, reviewersDue.DueDate, ladder.ReviewerWorkingDays, stageStartedAt, ladder, calendar);

        DeadlineResult? fallbackDue = null;
        var lastDue = reviewersDue;
        if (hasFallbackReviewer && ladder.FallbackWorkingDays > 0)
        {
            steps.Add(new(EscalationStepKind.HandToFallback, reviewersDue.DueAt));
            var fallback = calendar.AddWorkingDays(reviewersDue.DueDate, ladder.FallbackWorkingDays);
            fallbackDue = new DeadlineResult(fallback.Date, ChinaTime.EndOf(fallback.Date), fallback.UnconfirmedYears);
            years.UnionWith(fallback.UnconfirmedYears);
            AddReminders(steps, years, EscalationStepKind.RemindFallback, fallback.Date, ladder.FallbackWorkingDays, reviewersDue.DueAt, ladder, calendar);
            lastDue = fallbackDue;
        }

        if (hasNextLevel)
        {
            steps.Add(new(EscalationStepKind.EscalateToNextLevel, lastDue.DueAt));
        }

        var ordered = steps.OrderBy(s => s.At).ThenBy(s => s.Kind).ToList();
        var holder = hasNextLevel && now >= lastDue.DueAt ? EscalationHolder.NextLevel
            : fallbackDue is not null && now >= reviewersDue.DueAt ? EscalationHolder.FallbackReviewer
            : EscalationHolder.Reviewers;
        DateTimeOffset? currentDue = holder switch
        {
            EscalationHolder.Reviewers => reviewersDue.DueAt,
            EscalationHolder.FallbackReviewer => fallbackDue!.DueAt,
            _ => null,
        };

        return new EscalationPlan(
            holder,
            reviewersDue,
            fallbackDue,
            currentDue,
            now >= reviewersDue.DueAt,
            ordered,
            [.. ordered.Where(s => s.At <= now)],
            ordered.FirstOrDefault(s => s.At > now),
            [.. years]);
    }

    private static void AddReminders(
        List<EscalationStep> steps,
        SortedSet<int> years,
        EscalationStepKind kind,
        DateOnly dueDate,
        int window,
        DateTimeOffset windowStart,
        EscalationLadder ladder,
        HolidayCalendar calendar)
    {
        foreach (var k in ladder.ReminderWorkingDaysBefore.Where(k => k < window))
        {
            var date = dueDate;
            if (k > 0)
            {
                var back = calendar.SubtractWorkingDays(dueDate, k);
                years.UnionWith(back.UnconfirmedYears);
                date = back.Date;
            }

            var at = ChinaTime.At(date, ladder.ReminderTime);
            if (at > windowStart)
            {
                steps.Add(new(kind, at));
            }
        }
    }
}
