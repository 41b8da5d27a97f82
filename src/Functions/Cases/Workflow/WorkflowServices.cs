using GuanGong.Domain.Deadlines;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Standards;
using GuanGong.Functions.Audit;
using GuanGong.Functions.Campaigns;
using GuanGong.Functions.Mail;
using GuanGong.Functions.Organisations;
using GuanGong.Functions.Records;
using GuanGong.Functions.ReferenceData;
using GuanGong.Functions.Reviews;
using GuanGong.Functions.Standards;
using Microsoft.Extensions.Options;

namespace GuanGong.Functions.Cases.Workflow;

/// <summary>What the workflow's activities stand on, gathered so each activity's constructor stays one line.</summary>
public sealed class WorkflowServices(
    CaseStore cases,
    CampaignStore campaigns,
    CommitteeDirectory directory,
    HolidayCalendarCache calendars,
    TemplateResolver templates,
    ReviewLinks links,
    IMailSender mail,
    AuditLog audit,
    AppTables tables,
    TimeProvider time,
    IOptions<WorkflowSettings> settings)
{
    public CaseStore Cases => cases;

    public CampaignStore Campaigns => campaigns;

    public CommitteeDirectory Directory => directory;

    public HolidayCalendarCache Calendars => calendars;

    public TemplateResolver Templates => templates;

    public ReviewLinks Links => links;

    public IMailSender Mail => mail;

    public AuditLog Audit => audit;

    public AppTables Tables => tables;

    public TimeProvider Time => time;

    public WorkflowSettings Settings => settings.Value;

    public async Task<CaseRecord> GetCaseAsync(string caseId, CancellationToken cancellationToken) =>
        (await cases.GetAsync(caseId, cancellationToken))?.Value ?? throw new InvalidOperationException($"Case {caseId} does not exist.");

    /// <summary>
    /// The escalation plan of one stage of a case: the campaign's ladder for that stage on the holiday
    /// calendar, with the fallback and next-level rungs the tree actually has.
    /// </summary>
    public async Task<EscalationPlan> PlanStageAsync(CaseRecord @case, OrganisationTree tree, int stage, DateTimeOffset stageStartedAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.FindAsync(@case.CampaignId, cancellationToken)
            ?? throw new InvalidOperationException($"Campaign {@case.CampaignId} of case {@case.CaseId} is missing.");
        var chain = new AcceptanceChain(@case.UnitCode, @case.Chain);
        return EscalationPlanner.Plan(
            stageStartedAt,
            now,
            campaign.Settings.LadderFor(chain, stage),
            await calendars.GetAsync(cancellationToken),
            EscalationRouting.HasFallbackReviewer(tree, chain, stage),
            EscalationRouting.HasNextLevel(tree, chain, stage));
    }

    public async Task<StandardTemplate> TemplateOfAsync(CaseRecord @case, CancellationToken cancellationToken) =>
        await templates.FindAsync(@case.Submission.SelfSheet.Template, cancellationToken)
        ?? throw new InvalidOperationException($"The template {@case.Submission.SelfSheet.Template.TemplateId} v{@case.Submission.SelfSheet.Template.Version} of case {@case.CaseId} is not available.");

    /// <summary>The campaign's own name for the standard the case is scored on (六好基层关工委…), for mail and pages.</summary>
    public async Task<string> StandardNameAsync(CaseRecord @case, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var campaign = await campaigns.FindAsync(@case.CampaignId, cancellationToken);
        var template = await templates.FindAsync(@case.Submission.SelfSheet.Template, cancellationToken);
        return campaign is null ? Standards.StandardNames.NoCampaign
            : template is null ? campaign.Settings.StandardName ?? Standards.StandardNames.NoCampaign
            : campaign.Settings.StandardNameFor(template);
    }

    /// <summary>The unit's contact (its first listed person) and the link to its own case page.</summary>
    public (Reviewer? Contact, string Link) UnitContact(OrganisationTree tree, CaseRecord @case)
    {
        var contact = tree.Find(@case.UnitCode)?.Reviewers.FirstOrDefault();
        var token = links.UnitToken(@case.CaseId, contact?.Email ?? string.Empty, time.GetUtcNow().AddDays(Settings.UnitLinkLifetimeDays));
        return (contact, links.UnitLink(token));
    }

    public static CaseProgress Progress(CaseRecord @case) =>
        new(@case.State.Status, @case.State.Stage, @case.Round, @case.RectificationDueAt);

    public static string StageName(CaseRecord @case, int stage) => stage >= @case.Chain.Count - 1 ? "验收" : "审核";
}
