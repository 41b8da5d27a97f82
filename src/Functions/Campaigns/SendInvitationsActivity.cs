using Microsoft.Azure.Functions.Worker;
using GuanGong.Functions.Cases.Workflow;
using GuanGong.Functions.Mail;
using MailKit.Net.Smtp;

namespace GuanGong.Functions.Campaigns;

/// <summary>
/// Mails a batch of units their links, skipping a unit already reached in this round (its
/// invitation row says so), and marks each after its mail went out: a crash between the two
/// sends that one mail again, nothing more. The campaign comes from the reference cache: one read
/// per batch would be a thousand reads for a city.
/// </summary>
/// <remarks>
/// One unit's bad recipient (an address the server or MimeKit refuses, a name it cannot carry)
/// is logged at Warning with the unit's code and skipped: the rest of the batch goes out, and the
/// unit stays unmarked, so the next resend tries it again once its contact is fixed. Anything that
/// is not that one unit's fault (the SMTP server unreachable, storage failing) still fails the
/// batch, so the engine retries it; the units already mailed are marked and are not mailed twice.
/// </remarks>
public sealed partial class SendInvitationsActivity(WorkflowServices services, CampaignLauncher launcher, ILogger<SendInvitationsActivity> logger)
{
    public const string Name = "SendInvitations";

    [Function(Name)]
    public async Task<int> RunAsync([ActivityTrigger] InvitationBatch input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var run = input.Run;
        var campaign = await services.Campaigns.FindAsync(run.CampaignId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Campaign {run.CampaignId} does not exist.");
        var tree = await services.Directory.GetTreeAsync(CancellationToken.None);
        var partition = InvitationRecord.Partition(run.CampaignId, run.Year);
        var sent = 0;
        foreach (var code in input.UnitCodes)
        {
            var marked = await services.Tables.Invitations.GetAsync(partition, code, CancellationToken.None);
            if (marked?.Value.Round >= run.Round || tree.Find(code) is not { } unit)
            {
                continue;
            }

            string? email;
            try
            {
                email = await launcher.InviteAsync(campaign, unit, run.Year, CancellationToken.None);
            }
            catch (Exception ex) when (IsThisRecipient(ex))
            {
                // The message names neither the address nor the name: both are personal data.
                LogRecipientRefused(logger, code, run.CampaignId, run.Year, Reason(ex));
                continue;
            }
            catch (Exception ex)
            {
                LogBatchFailed(logger, code, run.CampaignId, run.Year, Reason(ex));
                throw;
            }

            if (email is null)
            {
                continue;
            }

            await services.Tables.Invitations.UpsertAsync(
                partition, code, new InvitationRecord(InvitationRecord.CurrentSchemaVersion, run.CampaignId, run.Year, code, email, run.Round, services.Time.GetUtcNow()), cancellationToken: CancellationToken.None);
            sent++;
        }

        return sent;
    }

    /// <summary>Whether a send failed for this recipient alone (a retry would fail the same way), not for the server or storage.</summary>
    internal static bool IsThisRecipient(Exception ex) => ex switch
    {
        ArgumentException or FormatException or MimeKit.ParseException => true,
        MailDeliveryException { InnerException: SmtpCommandException command } =>
            command.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted && (int)command.StatusCode >= 500,
        _ => false,
    };

    private static string Reason(Exception ex) => ex switch
    {
        MailDeliveryException { InnerException: SmtpCommandException command } => $"SMTP {(int)command.StatusCode} {command.ErrorCode}",
        MailDeliveryException { InnerException: { } inner } => $"{nameof(MailDeliveryException)} ({inner.GetType().Name})",
        _ => ex.GetType().Name,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invitation to unit {UnitCode} ({CampaignId} {Year}) not sent: its recipient was refused ({Reason}); the rest of the batch goes on")]
    private static partial void LogRecipientRefused(ILogger logger, string unitCode, string campaignId, int year, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invitation to unit {UnitCode} ({CampaignId} {Year}) failed ({Reason}); the batch is retried from that unit")]
    private static partial void LogBatchFailed(ILogger logger, string unitCode, string campaignId, int year, string reason);
}
