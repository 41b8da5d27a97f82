using GuanGong.Functions.Campaigns;
using GuanGong.Functions.Mail;
using MailKit.Net.Smtp;

namespace GuanGong.Functions.Tests.Campaigns;

public sealed class SendInvitationsFailureTests
{
    public static TheoryData<Exception, bool> Failures() => new()
    {
        { new ArgumentException("The recipient is not a single email address."), true },
        { new FormatException(), true },
        { new MailDeliveryException("x", new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, "no such user")), true },
        { new MailDeliveryException("x", new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxBusy, "try later")), false },
        { new MailDeliveryException("x", new IOException("connection broke")), false },
        { new MailDeliveryException("x", new System.Net.Sockets.SocketException(111)), false },
        { new Azure.RequestFailedException(503, "busy"), false },
        { new InvalidOperationException(), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void IsThisRecipient_OnlyFailuresARetryCannotFix_AreSkipped(Exception failure, bool skipped)
    {
        Assert.Equal(skipped, SendInvitationsActivity.IsThisRecipient(failure));
    }
}
