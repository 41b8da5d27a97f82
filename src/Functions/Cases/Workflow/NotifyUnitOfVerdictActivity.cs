using Microsoft.Azure.Functions.Worker;

namespace GuanGong.Functions.Cases.Workflow;

/// <summary>Emails the unit its verdict (or that its case closed), with the link to its case page.</summary>
public sealed class NotifyUnitOfVerdictActivity(WorkflowServices services)
{
    [Function(CaseWorkflowNames.NotifyUnitOfVerdict)]
    public async Task<bool> RunAsync([ActivityTrigger] string input) =>
        await NotifyAsync(await services.GetCaseAsync(input, CancellationToken.None), CancellationToken.None);

    /// <summary>Emails the unit of <paramref name="case"/> (as just read) its verdict; false when the unit has no contact.</summary>
    internal async Task<bool> NotifyAsync(CaseRecord @case, CancellationToken ct)
    {
        var (contact, link) = services.UnitContact(await services.Directory.GetTreeAsync(ct), @case);
        if (contact is null)
        {
            return false;
        }

        await services.Mail.SendAsync(CaseMail.Verdict(@case, contact.Name, contact.Email, link, await services.StandardNameAsync(@case, ct)), ct);
        return true;
    }
}
