namespace GuanGong.Functions.Cases.Workflow;

/// <summary>Workflow settings: <c>GuanGong:Workflow</c>.</summary>
public sealed class WorkflowSettings
{
    public const string Section = "GuanGong:Workflow";

    /// <summary>Working days a unit has to resubmit after a return for rectification.</summary>
    public int RectificationWorkingDays { get; set; } = 10;

    /// <summary>How long an emailed review link stays valid (it is also spent by its first decision).</summary>
    public int ReviewLinkLifetimeDays { get; set; } = 90;

    /// <summary>How long a unit's campaign link stays valid.</summary>
    public int UnitLinkLifetimeDays { get; set; } = 400;
}
